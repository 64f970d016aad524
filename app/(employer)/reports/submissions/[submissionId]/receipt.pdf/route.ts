import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess, runScoped } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { absoluteUrlFor } from '@/lib/server/public-url';
import { isAppError } from '@/lib/server/errors';
import { getReceipt } from '@/lib/server/submissions/receipt/get-receipt';
import { renderReceiptPdf } from '@/lib/server/submissions/receipt/render-receipt-pdf';

/** Issue 6 §6: the receipt as PDF, through the guard; shown inline, saved as qebz-<number>.pdf. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ submissionId: string }> },
) {
  const scope = await requireEmployerAccess('REPORTS');
  const { submissionId } = await params;
  const db = await getDb();
  try {
    const view = await runScoped(db, scope, 'getReceipt', () =>
      getReceipt(db, scope, { submissionId }),
    );
    const pdf = await renderReceiptPdf(
      view,
      await serverLocale(),
      absoluteUrlFor(request, '/verify'),
    );
    const filename = `qebz-${view.receiptNumber.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${filename}"`,
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
