import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  certificates,
  employers,
  paymentDistributions,
  payments,
  signedDocuments,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { isDistributionSignatureGenuine } from './verify-distribution-signature';

export type DistributionRow = {
  id: string;
  kind: 'CLASSIFICATION' | 'SUB_EMPLOYER';
  signedAt: Date;
  signerFin: string;
  documentHash: string;
  /** The signature verifies over the stored document (checked each time it is listed). */
  signatureValid: boolean;
  source: { bankReference: string; paymentDate: string };
  amountQepik: number;
  parts: {
    bankReference: string;
    employerName: string;
    economicClassCode: string;
    amountQepik: number;
  }[];
};

/**
 * The signed distributions of the scope's employer's payments, newest first (issue 13 §7): what
 * was moved where, by whom and when, with the hash of the signed document.
 */
export async function listDistributions(
  db: DbOrTx,
  scope: EmployerScope,
  limit = 20,
): Promise<DistributionRow[]> {
  assertScopeService(scope, 'REPORTS');
  const rows = await db
    .select({
      id: paymentDistributions.id,
      kind: paymentDistributions.kind,
      amountQepik: paymentDistributions.amountQepik,
      signerFin: paymentDistributions.signerFin,
      signedAt: signedDocuments.signedAt,
      hash: signedDocuments.hash,
      signed: {
        canonicalJson: signedDocuments.canonicalJson,
        hash: signedDocuments.hash,
        jws: signedDocuments.jws,
        certificateSerial: signedDocuments.certificateSerial,
        signingSessionId: signedDocuments.signingSessionId,
        signedAt: signedDocuments.signedAt,
      },
      certificate: {
        publicJwk: certificates.publicJwk,
        notBefore: certificates.notBefore,
        notAfter: certificates.notAfter,
      },
      bankReference: payments.bankReference,
      paymentDate: payments.paymentDate,
    })
    .from(paymentDistributions)
    .innerJoin(signedDocuments, eq(signedDocuments.id, paymentDistributions.signedDocumentId))
    .innerJoin(certificates, eq(certificates.serial, signedDocuments.certificateSerial))
    .innerJoin(payments, eq(payments.id, paymentDistributions.sourcePaymentId))
    .where(eq(paymentDistributions.employerId, scope.employerId))
    .orderBy(desc(paymentDistributions.createdAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const parts = await db
    .select({
      distributionId: payments.distributionId,
      bankReference: payments.bankReference,
      employerName: employers.name,
      economicClassCode: payments.economicClassCode,
      amountQepik: payments.amountQepik,
    })
    .from(payments)
    .innerJoin(employers, eq(employers.id, payments.employerId))
    .where(
      and(
        inArray(
          payments.distributionId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(payments.bankReference);
  const valid = await Promise.all(
    rows.map((r) => isDistributionSignatureGenuine(r.signed, r.certificate)),
  );
  return rows.map((r, i) => ({
    id: r.id,
    kind: r.kind,
    signedAt: r.signedAt,
    signerFin: r.signerFin,
    documentHash: r.hash,
    signatureValid: valid[i] ?? false,
    source: { bankReference: r.bankReference, paymentDate: r.paymentDate },
    amountQepik: r.amountQepik,
    parts: parts.filter((p) => p.distributionId === r.id).map(({ distributionId: _, ...p }) => p),
  }));
}
