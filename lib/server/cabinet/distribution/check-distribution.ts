import 'server-only';
import { eq } from 'drizzle-orm';
import { employers, type DistributionKind } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { checkPaymentSplit, type SplitProblem } from '@/lib/domain/distribution/payment-split';
import type { EmployerScope } from '../../access';
import {
  classTargets,
  subEmployerTargets,
  type DistributablePayment,
} from './load-distributable-payment';

export type DistributionInput = {
  kind: DistributionKind;
  amountQepik: number;
  lines: readonly { target: string; amountQepik: number }[];
};

export type CheckedDistribution =
  | {
      ok: true;
      amountQepik: number;
      parts: { target: string; label: string; amountQepik: number }[];
    }
  | { ok: false; code: 'DISTRIBUTION_INVALID'; problems: readonly SplitProblem[] };

/**
 * The domain check of a distribution against what the payment and the structure offer now:
 * the remainder (read under the payment's lock by the caller) and the allowed targets — the
 * payment's classification pair, or the employers below the scope's employer.
 */
export async function checkDistribution(
  db: DbOrTx,
  scope: EmployerScope,
  payment: DistributablePayment,
  input: DistributionInput,
): Promise<CheckedDistribution> {
  const targets =
    input.kind === 'CLASSIFICATION'
      ? (await classTargets(db, payment)).map((t) => ({ target: t.code, label: t.code }))
      : (await subEmployerTargets(db, scope)).map((t) => ({ target: t.id, label: t.name }));
  const split = checkPaymentSplit({
    remainderQepik: payment.remainderQepik,
    amountQepik: input.amountQepik,
    lines: input.lines,
    allowedTargets: targets.map((t) => t.target),
  });
  if (!split.ok) return { ok: false, code: 'DISTRIBUTION_INVALID', problems: split.problems };
  return {
    ok: true,
    amountQepik: split.amountQepik,
    parts: split.parts.map((p) => ({
      target: p.target,
      label: targets.find((t) => t.target === p.target)?.label ?? p.target,
      amountQepik: p.amountQepik,
    })),
  };
}

/** The employer's name and registration number for the document (and its parent's name). */
export async function documentEmployers(db: DbOrTx, scope: EmployerScope) {
  const load = async (id: string) => {
    const [row] = await db
      .select({ id: employers.id, name: employers.name, dsmfRegNumber: employers.dsmfRegNumber })
      .from(employers)
      .where(eq(employers.id, id));
    if (!row) throw new Error(`documentEmployers: employer ${id} is gone`);
    return row;
  };
  const employer = await load(scope.employerId);
  const acting = scope.actingForEmployerId ? await load(scope.actingForEmployerId) : null;
  return { employer, actingFor: acting ? { id: acting.id, name: acting.name } : null };
}
