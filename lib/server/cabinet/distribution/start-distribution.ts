import 'server-only';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../../access';
import { now } from '../../clock';
import type { SigningFailure } from '../../signing/errors';
import { startDocumentSigning } from '../../signing/start-document-signing';
import { checkDistribution, documentEmployers, type DistributionInput } from './check-distribution';
import { buildDistributionDocument, DISTRIBUTION_DOCUMENT_KIND } from './distribution-document';
import { loadDistributablePayment } from './load-distributable-payment';
import type { SplitProblem } from '@/lib/domain/distribution/payment-split';

export type StartDistributionResult =
  | { ok: true; sessionId: string; verificationCode: string; expiresAt: Date }
  | { ok: false; code: 'DISTRIBUTION_INVALID'; problems: readonly SplitProblem[] }
  | SigningFailure;

/**
 * "Təsdiqlə" (SPEC E3–E4, issue 13 §7): checks the distribution against the payment's remainder
 * now and starts a signing session over its document for the person acting, with the method
 * they signed in with. Nothing changes until the signature returns (completeDistribution).
 */
export async function startDistribution(
  db: DbOrTx,
  scope: EmployerScope,
  input: DistributionInput & {
    paymentId: string;
    method: 'ESIGN' | 'ASAN';
    browser: string;
    ip?: string | null;
  },
  asOf: Date = now(),
): Promise<StartDistributionResult> {
  assertNotStaffView(scope);
  assertScopeService(scope, 'REPORTS');
  return db.transaction(async (tx) => {
    const payment = await loadDistributablePayment(tx, scope, input.paymentId);
    const checked = await checkDistribution(tx, scope, payment, input);
    if (!checked.ok) return checked;
    const { employer, actingFor } = await documentEmployers(tx, scope);
    const document = buildDistributionDocument({
      kind: input.kind,
      employer,
      actingFor,
      payment,
      amountQepik: checked.amountQepik,
      parts: checked.parts,
      signerFin: scope.fin,
      preparedAt: asOf,
    });
    const started = await startDocumentSigning(tx, {
      employerId: scope.employerId,
      signerFin: scope.fin,
      certificateSerial: scope.certificateSerial,
      method: input.method,
      documentKind: DISTRIBUTION_DOCUMENT_KIND,
      document,
      browser: input.browser,
      ip: input.ip ?? null,
    });
    if (!started.ok) return started;
    return {
      ok: true as const,
      sessionId: started.sessionId,
      verificationCode: started.verificationCode,
      expiresAt: started.expiresAt,
    };
  });
}
