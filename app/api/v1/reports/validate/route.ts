import { handleValidateReport } from '@/lib/server/api/handle-report-requests';
import { getDb } from '@/lib/server/db';

export const dynamic = 'force-dynamic';

/** Issue 5 §9: validates a report sent as JSON without saving it. */
export async function POST(request: Request): Promise<Response> {
  return handleValidateReport(await getDb(), request);
}
