import 'server-only';
import { and, eq } from 'drizzle-orm';
import { signedDocuments, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { populationRegistry } from '@/lib/integrations/population-registry';
import { assertScopeService, type EmployerScope } from '@/lib/server/access';
import { AppError } from '@/lib/server/errors';
import { isUuid } from '@/lib/server/uuid';
import { readReceiptDocument, readReturnReasons, type ReceiptView } from './receipt-view';

/**
 * The receipt of one of the scope's submissions (issue 6 §6). Another employer's id, or one that
 * is not a UUID, answers NOT_FOUND. The signer's name comes from the population registry, or
 * from the document's signatories when the registry no longer knows the FIN.
 */
export async function getReceipt(
  db: DbOrTx,
  scope: EmployerScope,
  input: { submissionId: string },
): Promise<ReceiptView> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.submissionId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({ submission: submissions, signedAt: signedDocuments.signedAt })
    .from(submissions)
    .innerJoin(signedDocuments, eq(signedDocuments.id, submissions.signedDocumentId))
    .where(
      and(eq(submissions.id, input.submissionId), eq(submissions.employerId, scope.employerId)),
    );
  if (!row) throw new AppError('NOT_FOUND');
  const { submission: s, signedAt } = row;
  const doc = readReceiptDocument(s.documentJson);
  const person = await populationRegistry(db).findPerson(s.signerFin);
  const named = person ?? doc.signatories.find((x) => x.fin === s.signerFin);
  return {
    submissionId: s.id,
    receiptNumber: s.receiptNumber,
    receivedAt: s.receivedAt,
    status: s.status,
    decidedAt: s.decidedAt,
    returnReasons: readReturnReasons(s.returnReasons),
    late: s.late,
    dueDate: s.dueDate,
    employer: doc.employer,
    activity: doc.activity,
    period: doc.period,
    reportType: doc.reportType,
    totals: doc.totals,
    application: doc.application,
    documentHash: s.documentHash,
    signer: {
      fin: s.signerFin,
      surname: named?.surname ?? '',
      name: named?.name ?? '',
      patronymic: named?.patronymic ?? '',
    },
    certificateSerial: s.certificateSerial,
    signedAt,
    batchId: s.batchId,
  };
}
