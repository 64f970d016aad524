import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { buildImportTemplate } from '@/lib/server/reports/import/build-import-template';

/** The persons table template of a report (issue 5 §8): GET ?format=xlsx|csv, through the guard. */
export async function GET(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  const scope = await requireEmployerAccess('REPORTS');
  const { reportId } = await params;
  const format = new URL(request.url).searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  try {
    const template = await buildImportTemplate(await getDb(), scope, { reportId, format });
    return new Response(new Uint8Array(template.data), {
      headers: {
        'Content-Type': template.contentType,
        'Content-Disposition': `attachment; filename="${template.filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND')
      return new Response('Not found', { status: 404 });
    throw error;
  }
}
