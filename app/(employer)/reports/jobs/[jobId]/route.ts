import { requireEmployerAccess, runScoped } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { getJob } from '@/lib/server/jobs/get-job';
import { toJobAnswer } from '@/lib/server/jobs/job-message';
import { serverLocale } from '@/lib/i18n/server-locale';

export const dynamic = 'force-dynamic';

/**
 * Issue 15 §6: the page polls a long job (an import, a send) here, through the guard. Another
 * employer's job id answers 404, audited as a probe like any other id out of scope.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const scope = await requireEmployerAccess('REPORTS');
  const { jobId } = await params;
  const db = await getDb();
  try {
    const job = await runScoped(db, scope, 'getJob', () => getJob(db, scope, { jobId }));
    return Response.json(toJobAnswer(job, await serverLocale()), {
      headers: { 'Cache-Control': 'private, no-store' },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND')
      return Response.json(
        { status: 'NOT_FOUND' },
        { status: 404, headers: { 'Cache-Control': 'no-store' } },
      );
    throw error;
  }
}
