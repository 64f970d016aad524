import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { paymentDistributions, payments, signedDocuments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { SplitProblem } from '@/lib/domain/distribution/payment-split';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { AppError } from '../../errors';
import { completeDocumentSigning } from '../../signing/complete-document-signing';
import type { SigningFailure } from '../../signing/errors';
import { findOwnSession } from '../../signing/sessions';
import { checkDistribution } from './check-distribution';
import { DISTRIBUTION_DOCUMENT_KIND, ZDistributionDocument } from './distribution-document';
import { loadDistributablePayment } from './load-distributable-payment';

export type CompleteDistributionResult =
  | { ok: true; distributionId: string; signedDocumentId: string; partIds: string[] }
  | { ok: false; code: 'DISTRIBUTION_INVALID'; problems: readonly SplitProblem[] }
  | { ok: false; code: 'SIGNED_OTHER_DOCUMENT' }
  | SigningFailure;

/**
 * Finishes a distribution once the device answered (issue 13 §7): under the payment's row lock
 * (a double click, a retry and a colleague distributing the same payment queue there) it
 * verifies and stores the signature, reads back what was signed, checks it again against the
 * remainder now, and writes the distribution and one new payment per part — the source payment
 * is never updated; its remainder counts the parts. A signature already turned into a
 * distribution returns that distribution.
 */
export async function completeDistribution(
  db: DbOrTx,
  scope: EmployerScope,
  input: {
    paymentId: string;
    sessionId: string;
    browser: string | null;
    jws?: string | null;
    ip?: string | null;
  },
): Promise<CompleteDistributionResult> {
  assertScopeService(scope, 'REPORTS');
  return db.transaction(async (tx): Promise<CompleteDistributionResult> => {
    await loadDistributablePayment(tx, scope, input.paymentId, { lock: true });
    const session = await findOwnSession(tx, input.sessionId, input.browser);
    if (
      !session ||
      session.employerId !== scope.employerId ||
      session.documentKind !== DISTRIBUTION_DOCUMENT_KIND
    )
      throw new AppError('NOT_FOUND', { params: { sessionId: input.sessionId } });
    let [signed] = await tx
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.signingSessionId, session.id));
    if (signed) {
      const [done] = await tx
        .select({ id: paymentDistributions.id })
        .from(paymentDistributions)
        .where(eq(paymentDistributions.signedDocumentId, signed.id));
      if (done) {
        const parts = await tx
          .select({ id: payments.id })
          .from(payments)
          .where(eq(payments.distributionId, done.id));
        return {
          ok: true,
          distributionId: done.id,
          signedDocumentId: signed.id,
          partIds: parts.map((p) => p.id),
        };
      }
    } else {
      const completed = await completeDocumentSigning(tx, {
        sessionId: input.sessionId,
        browser: input.browser,
        jws: input.jws ?? null,
        ip: input.ip ?? null,
      });
      if (!completed.ok) return completed;
      [signed] = await tx
        .select()
        .from(signedDocuments)
        .where(eq(signedDocuments.id, completed.signedDocumentId));
    }
    const parsed = signed
      ? ZDistributionDocument.safeParse(JSON.parse(signed.canonicalJson))
      : null;
    if (
      !signed ||
      !parsed?.success ||
      signed.signerFin !== scope.fin ||
      parsed.data.payment.id !== input.paymentId ||
      parsed.data.employer.id !== scope.employerId
    )
      return { ok: false, code: 'SIGNED_OTHER_DOCUMENT' };
    const document = parsed.data;
    // The remainder now, after the lock: what a colleague or a report took meanwhile counts.
    const payment = await loadDistributablePayment(tx, scope, input.paymentId);
    const checked = await checkDistribution(tx, scope, payment, {
      kind: document.distributionKind,
      amountQepik: document.amountQepik,
      lines: document.parts,
    });
    if (!checked.ok) return checked;
    const distributionId = randomUUID();
    await tx.insert(paymentDistributions).values({
      id: distributionId,
      employerId: scope.employerId,
      sourcePaymentId: payment.id,
      kind: document.distributionKind,
      amountQepik: checked.amountQepik,
      signedDocumentId: signed.id,
      signerFin: signed.signerFin,
      actingEmployerId: scope.actingForEmployerId ?? scope.employerId,
    });
    // Part numbers continue after the source's earlier parts, so bank references stay unique.
    const [earlier] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(payments)
      .where(eq(payments.sourcePaymentId, payment.id));
    const first = (earlier?.n ?? 0) + 1;
    const rows = checked.parts.map((part, i) => ({
      id: randomUUID(),
      employerId: document.distributionKind === 'SUB_EMPLOYER' ? part.target : payment.employerId,
      activityCode: document.distributionKind === 'SUB_EMPLOYER' ? null : payment.activityCode,
      paymentDate: payment.paymentDate,
      amountQepik: part.amountQepik,
      bankReference: `${payment.bankReference}/${first + i}`,
      economicClassCode:
        document.distributionKind === 'CLASSIFICATION' ? part.target : payment.economicClassCode,
      recordedBy: `distribution:${signed.signerFin}`,
      sourcePaymentId: payment.id,
      distributionId,
    }));
    await tx.insert(payments).values(rows);
    await writeAudit(tx, {
      action: 'PAYMENT_DISTRIBUTION',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        distributionId,
        paymentId: payment.id,
        kind: document.distributionKind,
        amountQepik: checked.amountQepik,
        parts: rows.map((r) => ({
          paymentId: r.id,
          employerId: r.employerId,
          amountQepik: r.amountQepik,
        })),
        actingForEmployerId: scope.actingForEmployerId ?? null,
        signedDocumentId: signed.id,
      },
      ip: input.ip ?? null,
    });
    return {
      ok: true,
      distributionId,
      signedDocumentId: signed.id,
      partIds: rows.map((r) => r.id),
    };
  });
}
