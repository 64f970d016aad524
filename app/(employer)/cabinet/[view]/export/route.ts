import { createTranslator } from 'next-intl';
import { cabinetViewBySlug } from '@/lib/cabinet/views';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
import { formatDate } from '@/lib/i18n/format-date';
import { serverLocale } from '@/lib/i18n/server-locale';
import { loadCabinetPage } from '@/lib/server/cabinet/cabinet-page';
import { exportCabinetTables } from '@/lib/server/cabinet/export-tables';
import { describePeriod } from '../period-line';

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/**
 * A view's tables as CSV or XLSX (issue 13 §12): GET /cabinet/<view>/export?format=csv|xlsx with
 * the view's own filters, through the same guard and loader as the page, so the file has the
 * screen's columns and the rows its filters select.
 */
export async function GET(request: Request, { params }: { params: Promise<{ view: string }> }) {
  const { view: slug } = await params;
  const view = cabinetViewBySlug(slug);
  if (!view || !view.exportable) return notFound();
  const url = new URL(request.url);
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const searchParams = Object.fromEntries(url.searchParams.entries());
  const page = await loadCabinetPage(view, searchParams, 'export');
  if (!page.tables) return notFound();
  // The request's language through serverLocale, not next-intl's getTranslations: the same
  // download is then made when the integration suite calls this handler in-process.
  const locale = (await serverLocale()) === 'en' ? 'en' : 'az';
  type Catalogue = Record<string, Record<string, string>>;
  const messages = UI_MESSAGES[locale] as Catalogue;
  const t = createTranslator<Catalogue, string>({ locale, messages });
  const tc = createTranslator<Catalogue, string>({ locale, messages, namespace: 'cabinet' });
  const tv = createTranslator<Catalogue, string>({ locale, messages, namespace: 'cabinetViews' });
  const { context } = page;
  const heading = [
    tc('statementHeading', {
      employer: context.employer.name,
      voen: context.employer.voen,
      view: `${view.number}. ${tv(view.id)}`,
    }),
    ...(view.needsCode && context.code ? [tc('statementCode', { code: context.code.code })] : []),
    ...(view.hasPeriod
      ? [tc('statementPeriod', { period: await describePeriod(context.query, locale) })]
      : []),
    tc('madeOn', { date: formatDate(page.madeAt, locale) }),
  ];
  const file = await exportCabinetTables(
    page.tables,
    format,
    {
      column: (key) => t(key),
      table: (key) => t(key),
      total: tc('total'),
      heading,
    },
    `kabinet-${view.number}-${view.slug}${context.code ? `-${context.code.code}` : ''}-${context.query.asOf}`,
  );
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
