import { createTranslator } from 'next-intl';
import { parseAuditFilter } from '@/lib/domain/staff/audit-filter';
import { todayInBaku } from '@/lib/server/clock';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { errorMessage } from '@/lib/server/error-messages';
import { auditCsvChunks, EXPORT_ROW_LIMIT } from '@/lib/server/staff/audit/export-audit-log';

const COLUMNS = [
  'id',
  'at',
  'actor',
  'actorName',
  'actorRole',
  'action',
  'employerId',
  'employer',
  'outcome',
  'ip',
  'details',
] as const;

function refused(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

/**
 * The audit log's filtered rows as CSV (issue 14 §12): GET /admin/audit/export with the page's
 * filter, for heads and administrators (requireStaff('HEAD'): no staff session → the staff
 * login, any other role → 404). Streamed in batches, capped at EXPORT_ROW_LIMIT rows with a
 * closing line that says so; cells are formula-safe; a BOM makes Excel read it as UTF-8.
 */
export async function GET(request: Request) {
  const staff = await requireStaff('HEAD');
  const locale = (await serverLocale()) === 'en' ? 'en' : 'az';
  const { filter, errors } = parseAuditFilter(new URL(request.url).searchParams);
  const first = errors[0];
  if (first) return refused(400, errorMessage(first.code, {}, locale));
  type Catalogue = Record<string, Record<string, string>>;
  const t = createTranslator<Catalogue, string>({
    locale,
    messages: UI_MESSAGES[locale] as Catalogue,
    namespace: 'staffAudit',
  });
  const limit = EXPORT_ROW_LIMIT.toLocaleString(locale === 'en' ? 'en-GB' : 'az-Latn-AZ');
  const chunks = await auditCsvChunks(await getDb(), staff, filter, {
    columns: COLUMNS.map((c) => t(`col.${c}`)),
    truncated: t('truncated', { limit }),
  });
  if (chunks === null) return refused(404, errorMessage('AUDIT_EMPLOYER_NOT_FOUND', {}, locale));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${todayInBaku()}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
