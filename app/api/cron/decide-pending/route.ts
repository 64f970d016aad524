import { authorizeCron } from '@/lib/server/cron/cron-authorization';
import { getDb } from '@/lib/server/db';
import { sweepPendingSubmissions } from '@/lib/server/submissions/sweep-pending';

export const dynamic = 'force-dynamic';

/**
 * The sweep for serverless hosting (issue 12 §11), where no instance lives long enough for the
 * minute timer: a scheduler calls this with `Authorization: Bearer $CRON_SECRET`. It answers how
 * many submissions left Received were decided (`ran: false` when another instance was sweeping).
 */
async function handle(request: Request): Promise<Response> {
  const authorization = authorizeCron(request.headers.get('authorization'));
  if (authorization === 'disabled') return Response.json({ error: 'NOT_FOUND' }, { status: 404 });
  if (authorization === 'denied')
    return Response.json(
      { error: 'UNAUTHORIZED' },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
    );
  try {
    const outcome = await sweepPendingSubmissions(await getDb());
    return Response.json(outcome, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error(`[hesabat] cron decide-pending failed: ${String(error).split('\n')[0]}`);
    return Response.json({ error: 'UNAVAILABLE' }, { status: 503 });
  }
}

export { handle as GET, handle as POST };
