import 'server-only';
import { loadInScope, requireEmployerAccess } from '@/lib/server/access';
import { getSentReport, type SentReportView } from '@/lib/server/reports/registry/get-sent-report';

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * The sent report of the page, through the guard: its persons page and FIN filter from the
 * query. Another employer's id (or none at all) is a probe: audited, and the not-found page.
 */
export async function loadSentReport(
  reportId: string,
  query: Record<string, string | string[] | undefined>,
): Promise<SentReportView> {
  const scope = await requireEmployerAccess('REPORTS');
  return loadInScope(scope, 'page:reportView', (db) =>
    getSentReport(db, scope, {
      reportId,
      personsPage: Number.parseInt(first(query.pp), 10) || 1,
      finFilter: first(query.q),
      // The persons' neighbour links carry the FIN they continue from (keyset paging).
      ...(first(query.pa) ? { personsAfter: first(query.pa) } : {}),
      ...(first(query.pb) ? { personsBefore: first(query.pb) } : {}),
    }),
  );
}
