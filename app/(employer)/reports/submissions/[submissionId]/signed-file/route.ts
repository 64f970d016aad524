import { requireEmployerAccess, runScoped } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { getSignedFile, signedFileName } from '@/lib/server/submissions/receipt/signed-file';

/** Issue 6 §6: the signed file of a submission as a JSON download, through the guard. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ submissionId: string }> },
) {
  const scope = await requireEmployerAccess('REPORTS');
  const { submissionId } = await params;
  const db = await getDb();
  try {
    const file = await runScoped(db, scope, 'getSignedFile', () =>
      getSignedFile(db, scope, { submissionId }),
    );
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${signedFileName(file.receiptNumber)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND')
      return new Response('Not found', { status: 404 });
    throw error;
  }
}
