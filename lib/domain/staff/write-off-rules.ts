// Fines and write-offs of the fund's local bodies (SPEC H2, issue 14 §6). Pure: the use cases in
// lib/server/staff/debts/ hand these the amounts, the people and the open debt they read.

/** A write-off above this (1 000 AZN, in qəpik) takes effect only when a second person approves. */
export const WRITE_OFF_APPROVAL_THRESHOLD_QEPIK = 100_000;

/** Four eyes (issue 14 §6): whether a write-off of `amountQepik` waits for the head's approval. */
export function writeOffNeedsApproval(amountQepik: number): boolean {
  return amountQepik > WRITE_OFF_APPROVAL_THRESHOLD_QEPIK;
}

export type DeciderRole = 'OPERATOR' | 'REVIEWER' | 'HEAD' | 'ADMIN';

export type DecisionRefusal = 'NOT_PENDING' | 'SELF_DECISION' | 'ROLE_NOT_ALLOWED';

/**
 * Whether `decider` may approve or reject a pending write-off `requestedByFin` asked for: the
 * head of the local body or an administrator, and never the person who asked — whatever their
 * role, and whichever of their staff accounts they use (the person is the FIN).
 */
export function decisionRefusal(
  request: { status: string; needsApproval: boolean; requestedByFin: string },
  decider: { fin: string; role: DeciderRole },
): DecisionRefusal | null {
  if (request.status !== 'PENDING' || !request.needsApproval) return 'NOT_PENDING';
  if (decider.role !== 'HEAD' && decider.role !== 'ADMIN') return 'ROLE_NOT_ALLOWED';
  if (decider.fin === request.requestedByFin) return 'SELF_DECISION';
  return null;
}

/** An open MDSS item of the account: its contribution month and what is still owed. */
export type OpenMdss = { readonly month: string; readonly openQepik: number };

export type WriteOffLimit =
  | { ok: true; availableQepik: number; obligationMonth: string | null }
  | { ok: false; code: 'WRITE_OFF_EXCEEDS_DEBT'; availableQepik: number }
  | { ok: false; code: 'WRITE_OFF_OLDER_MDSS_OPEN'; oldestMonth: string; availableQepik: number };

/**
 * How much of a category's debt a write-off of `amountQepik` over months `from`–`to` may take,
 * and which MDSS month its one ledger entry names. Other debts (penalty, fines, sanctions, other
 * accruals) are kept per category, without months: the whole open amount is available. MDSS is
 * kept per month: one month → the entry names it; a range → the entry names none and the ledger
 * settles the oldest MDSS first, which stays inside the range only while no older month is open,
 * so a range with older MDSS still open is refused (write that month off first, or name one month).
 */
export function writeOffLimit(input: {
  category: string;
  amountQepik: number;
  from: string;
  to: string;
  /** Σ open of the category (non-MDSS). */
  openQepik: number;
  /** The open MDSS items (MDSS). */
  mdss: readonly OpenMdss[];
}): WriteOffLimit {
  if (input.category !== 'MDSS') {
    const availableQepik = Math.max(0, input.openQepik);
    return input.amountQepik <= availableQepik
      ? { ok: true, availableQepik, obligationMonth: null }
      : { ok: false, code: 'WRITE_OFF_EXCEEDS_DEBT', availableQepik };
  }
  const inRange = input.mdss.filter((m) => m.month >= input.from && m.month <= input.to);
  const availableQepik = inRange.reduce((t, m) => t + Math.max(0, m.openQepik), 0);
  if (input.amountQepik > availableQepik) {
    return { ok: false, code: 'WRITE_OFF_EXCEEDS_DEBT', availableQepik };
  }
  if (input.from === input.to) return { ok: true, availableQepik, obligationMonth: input.from };
  const older = input.mdss
    .filter((m) => m.month < input.from && m.openQepik > 0)
    .map((m) => m.month)
    .sort();
  if (older.length > 0) {
    return {
      ok: false,
      code: 'WRITE_OFF_OLDER_MDSS_OPEN',
      oldestMonth: older[0] as string,
      availableQepik,
    };
  }
  return { ok: true, availableQepik, obligationMonth: null };
}
