import 'server-only';
import { eq } from 'drizzle-orm';
import { ledgerEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { projectPenalty, type IsoDate, type PenaltyProjection } from '@/lib/domain';
import { AppError } from '../errors';
import { loadAccount } from '../reports/account/load-account';
import type { CabinetContext } from './cabinet-context';

// Issue 13 §10: "if you pay X ₼ on D" per activity code, from the code's account as the reports
// replay it (load-account.ts: the ledger, the days posted reports charged, the due dates and the
// penalty parameters in force) and the one domain projection (lib/domain/penalty-projection.ts).
// Reads only; the context's scope is the employer's (loadCabinetContext checked its service).

export interface CodeProjection {
  readonly code: string;
  readonly projection: PenaltyProjection;
}

/** One code's projection; `code` must be one of the context's (its employer's) codes. */
export async function loadCodeProjection(
  db: DbOrTx,
  context: CabinetContext,
  input: { code: string; amountQepik: number | null; payOn: IsoDate; today: IsoDate },
): Promise<CodeProjection> {
  const account = await loadAccount(db, {
    employerId: context.scope.employerId,
    activityCode: input.code,
    excludeReportIds: [],
    extraMonths: [],
  });
  const projection = projectPenalty({
    account: account.state,
    dueDates: account.dueDates,
    chargedThrough: account.chargedThrough,
    parameters: account.parameters,
    today: input.today,
    payOn: input.payOn,
    paymentQepik: input.amountQepik,
  });
  if (!projection.ok) {
    throw new AppError('CALCULATION_FAILED', { params: { reason: projection.code } });
  }
  return { code: input.code, projection: projection.value };
}

/**
 * Every code of the employer (registered, or with ledger entries), each paying the whole debt on
 * D unless `amountQepik` is given — then each code is asked about that same amount.
 */
export async function loadEmployerProjections(
  db: DbOrTx,
  context: CabinetContext,
  input: { amountQepik: number | null; payOn: IsoDate; today: IsoDate },
): Promise<CodeProjection[]> {
  const inLedger = await db
    .selectDistinct({ code: ledgerEntries.activityCode })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.employerId, context.scope.employerId));
  const codes = [...new Set([...context.codes.map((c) => c.code), ...inLedger.map((r) => r.code)])];
  const out: CodeProjection[] = [];
  for (const code of codes.sort())
    out.push(await loadCodeProjection(db, context, { ...input, code }));
  return out;
}
