import { attachmentDisposition } from '@/lib/domain/correspondence/message-rules';
import { requireEmployerAccess, runScoped } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { getMessageAttachment } from '@/lib/server/messages/get-message-attachment';

/**
 * A message's attachment (SPEC E1), through the guard: the bytes as stored, with the type its
 * content was checked to be, as a download the browser must not reinterpret.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ attachmentId: string }> },
) {
  const scope = await requireEmployerAccess('REPORTS');
  const { attachmentId } = await params;
  const db = await getDb();
  try {
    const file = await runScoped(db, scope, 'getMessageAttachment', () =>
      getMessageAttachment(db, scope, { attachmentId }),
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
