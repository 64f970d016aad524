import { attachmentDisposition } from '@/lib/domain/correspondence/message-rules';
import { requireStaff, runStaffScoped, staffViewScope } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { getMessageAttachment } from '@/lib/server/messages/get-message-attachment';

/**
 * An attachment of an employer's thread for the staff inbox (issue 14 §7): the employer side's
 * read model through a read-only view of an employer of the staff member's body (404 outside).
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ employerId: string; attachmentId: string }> },
) {
  const staff = await requireStaff('REVIEWER');
  const { employerId, attachmentId } = await params;
  const db = await getDb();
  try {
    const file = await runStaffScoped(db, staff, 'getMessageAttachment', async () =>
      getMessageAttachment(db, await staffViewScope(db, staff, employerId), { attachmentId }),
    );
    return new Response(Buffer.from(file.content), {
      headers: {
        'Content-Type': file.mediaType,
        'Content-Length': String(file.content.length),
        'Content-Disposition': attachmentDisposition(file.fileName),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        ETag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND')
      return new Response('Not found', { status: 404 });
    throw error;
  }
}
