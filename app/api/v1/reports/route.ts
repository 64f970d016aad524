import { handleUpsertReport } from '@/lib/server/api/handle-report-requests';
import { getDb } from '@/lib/server/db';

export const dynamic = 'force-dynamic';

/** Issue 5 §9: creates or replaces the İlkin draft a person then reviews in the portal. */
export async function POST(request: Request): Promise<Response> {
  return handleUpsertReport(await getDb(), request);
}
