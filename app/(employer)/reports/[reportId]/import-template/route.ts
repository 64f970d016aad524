import { z } from 'zod';
import { requireEmployerAccess, runScoped } from '@/lib/server/access';
import { ZId } from '@/lib/server/action-schemas';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { buildImportTemplate } from '@/lib/server/reports/import/build-import-template';

const ZParams = z.object({ reportId: ZId });
/** Anything but csv is the XLSX template, as the page's first link. */
const ZFormat = z.enum(['xlsx', 'csv']).catch('xlsx');

const notFound = () => new Response('Not found', { status: 404 });

/** The persons table template of a report (issue 5 §8): GET ?format=xlsx|csv, through the guard. */
export async function GET(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  const scope = await requireEmployerAccess('REPORTS');
  const raw = await params;
  const parsed = ZParams.safeParse(raw);
  const format = ZFormat.parse(new URL(request.url).searchParams.get('format'));
  const db = await getDb();
  try {
    // A malformed id is refused by the use case like another employer's: NOT_FOUND, audited.
    const template = await runScoped(db, scope, 'importTemplate', () =>
      buildImportTemplate(db, scope, {
        reportId: parsed.success ? parsed.data.reportId : raw.reportId,
        format,
      }),
    );
    return new Response(new Uint8Array(template.data), {
      headers: {
        'Content-Type': template.contentType,
        'Content-Disposition': `attachment; filename="${template.filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
    return notFound();
  }
}
