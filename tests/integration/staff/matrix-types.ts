import type { Database } from '@/db/types';

// The staff access matrix's contract (issue 14, "Done means"): each area of the dashboard puts
// the cases of its server actions in tests/integration/staff/matrix/<area>.ts, exporting
// `CASES: StaffMatrixCase[]`; staff-access-matrix.test.ts runs each against every actor, and
// staff-actions-listed.test.ts checks that every action exported by app/admin is a case.

/** Who calls: the Nəsimi body's staff (Xəzər's and Kür's), the Səbail body's operator, an ended account, an employer. */
export type StaffActor =
  'operator' | 'reviewer' | 'head' | 'admin' | 'otherBody' | 'ended' | 'employer';

export type StaffRoleActor = 'operator' | 'reviewer' | 'head' | 'admin';

export type MatrixContext = {
  db: Database;
  actor: StaffActor;
  /** A number unique to this call, for arguments that must not repeat (a bank reference). */
  n: number;
};

export type StaffMatrixCase = {
  /** The server action's export name (app/admin/**\/actions.ts). */
  action: string;
  /** The roles that may call it for an employer of the Nəsimi body. */
  allowed: readonly StaffRoleActor[];
  /**
   * Whether the call names a Nəsimi employer (Xəzər or Kür) or something of theirs: the Səbail
   * operator then gets NOT_FOUND even where operators may call it. A call naming nothing of one
   * employer (a list, a search) is allowed to the Səbail operator when operators may call it.
   */
  targetsNesimiEmployer: boolean;
  /** Calls the action once, with fresh arguments (it may change data). Runs in the actor's session. */
  call: (ctx: MatrixContext) => Promise<unknown>;
};
