import 'server-only';
import type { Db } from '@/db/types';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../../access';
import { AppError } from '../../errors';
import { getJob, type JobView } from '../../jobs/get-job';
import { createJobReporter, type JobReporter } from '../../jobs/job-reporter';
import { insertJob } from '../../jobs/job-store';
import { loadReportContext } from '../persons/report-context';

/**
 * The job row of a persons import (issue 15 §6), written before the file is sent so the page
 * can poll it from the first byte: a draft of the scope's employer, in a statement of its own.
 */
export async function startImportJob(
  db: Db,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<JobView> {
  assertScopeService(scope, 'REPORTS');
  assertNotStaffView(scope);
  const report = await loadReportContext(db, scope, input.reportId, { draft: true });
  const jobId = await insertJob(db, {
    kind: 'IMPORT_PERSONS',
    employerId: scope.employerId,
    reportId: report.id,
    stage: 'READ',
  });
  return getJob(db, scope, { jobId });
}

/** The reporter of a running import job of this report; any other id is NOT_FOUND. */
export async function importJobReporter(
  db: Db,
  scope: EmployerScope,
  input: { jobId: string; reportId: string },
): Promise<JobReporter> {
  const job = await getJob(db, scope, { jobId: input.jobId });
  if (job.kind !== 'IMPORT_PERSONS' || job.reportId !== input.reportId || job.status !== 'RUNNING')
    throw new AppError('NOT_FOUND', { params: { jobId: input.jobId } });
  return createJobReporter(db, job.id);
}
