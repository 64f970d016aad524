import 'server-only';
import { and, eq } from 'drizzle-orm';
import { messageAttachments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { AppError } from '../errors';
import { isUuid } from '../uuid';

export type AttachmentFile = {
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
};

/** One attachment of the employer's messages, for download; any other id is NOT_FOUND. */
export async function getMessageAttachment(
  db: DbOrTx,
  scope: EmployerScope,
  input: { attachmentId: string },
): Promise<AttachmentFile> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.attachmentId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      fileName: messageAttachments.fileName,
      mediaType: messageAttachments.mediaType,
      sha256: messageAttachments.sha256,
      content: messageAttachments.content,
    })
    .from(messageAttachments)
    .where(
      and(
        eq(messageAttachments.id, input.attachmentId),
        eq(messageAttachments.employerId, scope.employerId),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
