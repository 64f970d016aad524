import 'server-only';
import { z } from 'zod';
import type { DistributionKind } from '@/db/schema';
import type { DistributablePayment } from './load-distributable-payment';

export const DISTRIBUTION_DOCUMENT_KIND = 'PAYMENT_DISTRIBUTION';

/**
 * What the person signs (issue 13 §7): the payment, what is split and each part's target, in
 * canonical JSON. Completion reads it back from the signed document, so what takes effect is
 * exactly what was signed — never what the browser sends after signing.
 */
export const ZDistributionDocument = z.object({
  documentKind: z.literal(DISTRIBUTION_DOCUMENT_KIND),
  version: z.literal(1),
  distributionKind: z.enum(['CLASSIFICATION', 'SUB_EMPLOYER']),
  employer: z.object({ id: z.string(), name: z.string(), dsmfRegNumber: z.string() }),
  actingFor: z.object({ id: z.string(), name: z.string() }).nullable(),
  payment: z.object({
    id: z.string(),
    bankReference: z.string(),
    paymentDate: z.string(),
    economicClassCode: z.string(),
    amountQepik: z.number().int(),
    remainderQepik: z.number().int(),
  }),
  amountQepik: z.number().int(),
  parts: z.array(
    z.object({ target: z.string(), label: z.string(), amountQepik: z.number().int() }),
  ),
  signerFin: z.string(),
  preparedAt: z.string(),
});
export type DistributionDocument = z.infer<typeof ZDistributionDocument>;

export function buildDistributionDocument(input: {
  kind: DistributionKind;
  employer: { id: string; name: string; dsmfRegNumber: string };
  actingFor: { id: string; name: string } | null;
  payment: DistributablePayment;
  amountQepik: number;
  parts: readonly { target: string; label: string; amountQepik: number }[];
  signerFin: string;
  preparedAt: Date;
}): DistributionDocument {
  const { payment } = input;
  return {
    documentKind: DISTRIBUTION_DOCUMENT_KIND,
    version: 1,
    distributionKind: input.kind,
    employer: input.employer,
    actingFor: input.actingFor,
    payment: {
      id: payment.id,
      bankReference: payment.bankReference,
      paymentDate: payment.paymentDate,
      economicClassCode: payment.economicClassCode,
      amountQepik: payment.amountQepik,
      remainderQepik: payment.remainderQepik,
    },
    amountQepik: input.amountQepik,
    parts: input.parts.map((p) => ({ ...p })),
    signerFin: input.signerFin,
    preparedAt: input.preparedAt.toISOString(),
  };
}
