import 'server-only';
import { and, eq } from 'drizzle-orm';
import { signedDocuments, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '@/lib/server/access';
import { AppError } from '@/lib/server/errors';
import { isUuid } from '@/lib/server/uuid';

export const SIGNED_FILE_SCHEMA = 'hesabat.signed/1';

/**
 * The signed file of a submission (issue 6 §6): the document exactly as sent, its hash, and the
 * signature with what it was made over — the document itself, or for a quarter's "GÖNDƏR" the
 * batch manifest listing the document's hash. Anyone holding it can have it checked on /verify.
 */
export type SignedFile = {
  schema: typeof SIGNED_FILE_SCHEMA;
  receiptNumber: string;
  documentJson: string;
  documentHash: string;
  signed: { canonicalJson: string; jws: string; certificateSerial: string; signedAt: string };
};

/** The scope's submission as a signed file; another employer's or a malformed id is NOT_FOUND. */
export async function getSignedFile(
  db: DbOrTx,
  scope: EmployerScope,
  input: { submissionId: string },
): Promise<SignedFile> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.submissionId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      receiptNumber: submissions.receiptNumber,
      documentJson: submissions.documentJson,
      documentHash: submissions.documentHash,
      canonicalJson: signedDocuments.canonicalJson,
      jws: signedDocuments.jws,
      certificateSerial: signedDocuments.certificateSerial,
      signedAt: signedDocuments.signedAt,
    })
    .from(submissions)
    .innerJoin(signedDocuments, eq(signedDocuments.id, submissions.signedDocumentId))
    .where(
      and(eq(submissions.id, input.submissionId), eq(submissions.employerId, scope.employerId)),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return {
    schema: SIGNED_FILE_SCHEMA,
    receiptNumber: row.receiptNumber,
    documentJson: row.documentJson,
    documentHash: row.documentHash,
    signed: {
      canonicalJson: row.canonicalJson,
      jws: row.jws,
      certificateSerial: row.certificateSerial,
      signedAt: row.signedAt.toISOString(),
    },
  };
}

/** The download name of a signed file. */
export function signedFileName(receiptNumber: string): string {
  return `hesabat-${receiptNumber.replace(/[^A-Za-z0-9-]/g, '_')}.json`;
}
