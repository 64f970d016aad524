import 'server-only';
import type { DistributionKind } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { proposeSplit } from '@/lib/domain/distribution/payment-split';
import type { EmployerScope } from '../../access';
import {
  classTargets,
  loadDistributablePayment,
  mdssDebtBySide,
  subEmployerTargets,
  type DistributablePayment,
} from './load-distributable-payment';

export type DistributionTarget = {
  target: string;
  /** The code, or the sub-employer's name. */
  label: string;
  /** The code's name (az, en), or the sub-employer's registration number. */
  detail: { az: string; en: string };
  proposedQepik: number;
};

export type DistributionForm = {
  payment: DistributablePayment;
  kinds: { kind: DistributionKind; available: boolean }[];
  kind: DistributionKind;
  targets: DistributionTarget[];
};

/**
 * What the distribution page offers for one payment (SPEC E3): the payment with its remainder,
 * the two choices (by classification; to sub-employers when the employer has any) and the chosen
 * choice's targets with a proposed split — by classification, in proportion to each side's MDSS
 * debt; to sub-employers, nothing until the person enters it.
 */
export async function loadDistributionForm(
  db: DbOrTx,
  scope: EmployerScope,
  paymentId: string,
  wanted: DistributionKind,
): Promise<DistributionForm> {
  const payment = await loadDistributablePayment(db, scope, paymentId);
  const subs = await subEmployerTargets(db, scope);
  const kind: DistributionKind =
    wanted === 'SUB_EMPLOYER' && subs.length > 0 ? wanted : 'CLASSIFICATION';
  const kinds = [
    { kind: 'CLASSIFICATION' as const, available: true },
    { kind: 'SUB_EMPLOYER' as const, available: subs.length > 0 },
  ];
  const amount = Math.max(0, payment.remainderQepik);
  if (kind === 'SUB_EMPLOYER') {
    return {
      payment,
      kinds,
      kind,
      targets: subs.map((s) => ({
        target: s.id,
        label: s.name,
        detail: { az: s.dsmfRegNumber, en: s.dsmfRegNumber },
        proposedQepik: 0,
      })),
    };
  }
  const codes = await classTargets(db, payment);
  const debt = await mdssDebtBySide(db, payment);
  const proposed = proposeSplit(
    amount,
    codes.map((c) => ({ target: c.code, weight: debt[c.side] })),
  );
  return {
    payment,
    kinds,
    kind,
    targets: codes.map((c, i) => ({
      target: c.code,
      label: c.code,
      detail: { az: c.nameAz, en: c.nameEn },
      proposedQepik: proposed[i]?.amountQepik ?? 0,
    })),
  };
}
