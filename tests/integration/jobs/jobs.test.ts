import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jobs,
  personAccountEntries,
  registryPersons,
  reportPersons,
  reports,
  submissions,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { runScoped } from '@/lib/server/access';
import { getJob, findLatestJob } from '@/lib/server/jobs/get-job';
import { createJobReporter, type JobReporter } from '@/lib/server/jobs/job-reporter';
import { toJobAnswer } from '@/lib/server/jobs/job-message';
import { sendStageHook, startSendJob } from '@/lib/server/jobs/send-job';
import { decidePendingSubmissions } from '@/lib/server/submissions/decide-pending';
import { importPersonsFromForm } from '@/lib/server/reports/import/import-from-form';
import { importJobReporter, startImportJob } from '@/lib/server/reports/import/start-import-job';
import { loadReportContext } from '@/lib/server/reports/persons/report-context';
import { completeReportSending } from '@/lib/server/submissions/send-report';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { directorScope, sendableReport, signReport } from '../helpers/sending-fixtures';
import { testBrowser } from '../helpers/test-browser';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Issue 15 §6: the job row of an import and of a send, written as the work goes, read back
// through the scope; a failure leaves the draft as it was and the job FAILED with its code.

const SEND_AS_OF = new Date('2025-10-15T10:00:00+04:00');

/** A reporter that also keeps every stage it was told, in order. */
function recording(job: JobReporter, stages: string[]): JobReporter {
  return {
    ...job,
    progress: (patch) => {
      if (patch.stage && stages.at(-1) !== patch.stage) stages.push(patch.stage);
      job.progress(patch);
    },
  };
}

describe('jobs: progress of long work in PostgreSQL', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let csv: (rows: { fin: string; surname: string; name: string }[], months: string[]) => File;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
    csv = (rows, months) =>
      new File(
        [
          [
            `FIN;Soyad;Ad;${months.join(';')}`,
            ...rows.map((r) => `${r.fin};${r.surname};${r.name};500,00;500,00;510,25`),
          ].join('\n'),
        ],
        'persons.csv',
        { type: 'text/csv' },
      );
  }, 60_000);
  afterAll(async () => database?.close());

  async function registryRows(n: number) {
    return db
      .select({
        fin: registryPersons.fin,
        surname: registryPersons.surname,
        name: registryPersons.name,
      })
      .from(registryPersons)
      .orderBy(asc(registryPersons.fin))
      .limit(n);
  }

  it('an import job goes READ → CHECK → SAVE and ends DONE with the rows read, checked and saved', async () => {
    const kur = await reportsScope(db, 'kur', 'kur-director');
    const reportId = await insertDraftReport(db, {
      employerKey: 'kur',
      activityCode: '41.20',
      quarter: 3,
    });
    const report = await loadReportContext(db, kur, reportId);
    const people = await registryRows(40);
    const started = await startImportJob(db, kur, { reportId });
    expect(started).toMatchObject({ kind: 'IMPORT_PERSONS', status: 'RUNNING', stage: 'READ' });
    const stages: string[] = [];
    const job = recording(
      await importJobReporter(db, kur, { jobId: started.id, reportId }),
      stages,
    );
    const outcome = await importPersonsFromForm(
      db,
      kur,
      { reportId, mode: 'replace', file: csv(people, report.months), corrections: [] },
      'en',
      job,
    );
    expect(outcome.ok).toBe(true);
    expect(stages).toEqual(['READ', 'CHECK', 'SAVE']);
    const done = await getJob(db, kur, { jobId: started.id });
    expect(done).toMatchObject({
      status: 'DONE',
      stage: 'SAVE',
      total: 40,
      counts: { read: 40, checked: 40, saved: 40 },
      errorCode: null,
      result: { inserted: 40, deleted: 0 },
    });
    expect(done.finishedAt).not.toBeNull();
    // The page reopened finds it; a finished job is not written again.
    expect((await findLatestJob(db, kur, { reportId, kind: 'IMPORT_PERSONS' }))?.id).toBe(
      started.id,
    );
    await expect(importJobReporter(db, kur, { jobId: started.id, reportId })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
  });

  it('a refused file leaves the draft unchanged and the job FAILED with the code and its message', async () => {
    const kur = await reportsScope(db, 'kur', 'kur-director');
    const reportId = await insertDraftReport(db, {
      employerKey: 'kur',
      activityCode: '41.20',
      quarter: 2,
    });
    const report = await loadReportContext(db, kur, reportId);
    const people = await registryRows(5);
    await importPersonsFromForm(
      db,
      kur,
      { reportId, mode: 'replace', file: csv(people, report.months), corrections: [] },
      'en',
    );
    const before = await db
      .select({ version: reports.version, updatedAt: reports.updatedAt })
      .from(reports)
      .where(eq(reports.id, reportId));
    const started = await startImportJob(db, kur, { reportId });
    const job = await importJobReporter(db, kur, { jobId: started.id, reportId });
    const bad = [...(await registryRows(12)), { fin: 'ZZZZZZ9', surname: 'Yox', name: 'Yox' }];
    const outcome = await importPersonsFromForm(
      db,
      kur,
      { reportId, mode: 'replace', file: csv(bad, report.months), corrections: [] },
      'en',
      job,
    );
    expect(outcome).toMatchObject({ ok: false, code: 'IMPORT_HAS_ERRORS' });
    const failed = await getJob(db, kur, { jobId: started.id });
    expect(failed).toMatchObject({
      status: 'FAILED',
      errorCode: 'IMPORT_HAS_ERRORS',
      stage: 'CHECK',
      counts: { read: 13, saved: 0 },
    });
    expect(toJobAnswer(failed, 'en').message).toMatch(/1 rows have errors/);
    const after = await db
      .select({ version: reports.version, updatedAt: reports.updatedAt })
      .from(reports)
      .where(eq(reports.id, reportId));
    expect(after).toEqual(before);
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(reportPersons)
      .where(and(eq(reportPersons.reportId, reportId)));
    expect(n).toBe(5);
  });

  it("another employer's job id is NOT_FOUND through the guard, and so is a malformed one", async () => {
    const kur = await reportsScope(db, 'kur', 'kur-director');
    const xezer = await reportsScope(db, 'xezer', 'xezer-director');
    const reportId = await insertDraftReport(db, {
      employerKey: 'kur',
      activityCode: '41.20',
      quarter: 1,
    });
    const started = await startImportJob(db, kur, { reportId });
    await expect(
      runScoped(db, xezer, 'getJob', () => getJob(db, xezer, { jobId: started.id })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getJob(db, xezer, { jobId: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      importJobReporter(db, xezer, { jobId: started.id, reportId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await findLatestJob(db, xezer, { reportId, kind: 'IMPORT_PERSONS' })).toBeNull();
    // Nor can another employer start a job on this report.
    await expect(startImportJob(db, xezer, { reportId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a job not heard from for ten minutes shows as interrupted', async () => {
    const kur = await reportsScope(db, 'kur', 'kur-director');
    const reportId = await insertDraftReport(db, {
      employerKey: 'kur',
      activityCode: '41.20',
      quarter: 4,
    });
    const started = await startImportJob(db, kur, { reportId });
    const later = new Date(Date.parse(started.updatedAt) + 11 * 60 * 1000);
    expect(await getJob(db, kur, { jobId: started.id }, later)).toMatchObject({
      status: 'FAILED',
      errorCode: 'JOB_INTERRUPTED',
    });
    expect((await getJob(db, kur, { jobId: started.id })).status).toBe('RUNNING');
  });

  it('progress is visible to a second reader while the work is still running', async () => {
    const kur = await reportsScope(db, 'kur', 'kur-director');
    const reportId = await insertDraftReport(db, {
      employerKey: 'kur',
      activityCode: '41.20',
      year: 2024,
      quarter: 4,
    });
    const started = await startImportJob(db, kur, { reportId });
    const job = createJobReporter(db, started.id);
    job.progress({ stage: 'SAVE', total: 10, counts: { read: 10, checked: 10, saved: 4 } });
    await job.flush();
    expect(await getJob(db, kur, { jobId: started.id })).toMatchObject({
      status: 'RUNNING',
      stage: 'SAVE',
      counts: { saved: 4 },
    });
    await job.fail(new Error('boom'));
    expect(await getJob(db, kur, { jobId: started.id })).toMatchObject({
      status: 'FAILED',
      errorCode: 'INTERNAL',
      counts: { saved: 4 },
    });
    const [row] = await db
      .select({ at: jobs.finishedAt })
      .from(jobs)
      .where(eq(jobs.id, started.id));
    expect(row?.at).not.toBeNull();
  });

  it('a send job records its stages with the counts — posting with its person-months — and ends DONE with the outcome', async () => {
    const scope = await directorScope(db, 'xezer', SEND_AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 3,
      asOf: SEND_AS_OF,
    });
    const stages: string[] = [];
    const job = recording(await startSendJob(db, scope, reportId), stages);
    const signed = await signReport(db, scope, reportId);
    job.progress({ stage: 'SIGNATURE' });
    const told: string[] = [];
    const hook = sendStageHook(job);
    const sent = await completeReportSending(
      db,
      scope,
      { browser: testBrowser, reportId, ...signed },
      SEND_AS_OF,
      (stage, count, total) => {
        told.push(stage === 'POSTING' ? `POSTING ${count}/${total}` : `${stage} ${count ?? ''}`);
        hook(stage, count, total);
      },
    );
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.submission.status).toBe('ACCEPTED');
    await job.finish({ status: sent.submission.status });
    const [persons] = await db
      .select({ n: reports.personsCount })
      .from(reports)
      .where(eq(reports.id, reportId));
    const [posted] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(personAccountEntries)
      .where(eq(personAccountEntries.reportId, reportId));
    const personMonths = posted!.n;
    expect(persons?.n).toBeGreaterThan(0);
    expect(personMonths).toBeGreaterThanOrEqual(persons!.n!);
    // RECEIVED (after its commit) with the persons, the checks, then posting from 0 to all.
    expect(told).toEqual([
      `RECEIVED ${persons!.n}`,
      'AUTOMATIC_CHECKS ',
      `POSTING 0/${personMonths}`,
      `POSTING ${personMonths}/${personMonths}`,
    ]);
    expect(stages).toEqual(['SIGNATURE', 'RECEIVED', 'AUTOMATIC_CHECKS', 'POSTING']);
    const done = await getJob(db, scope, { jobId: job.jobId });
    // The last count is written with the end even if its progress write was still waiting.
    expect(done).toMatchObject({
      kind: 'SEND_REPORT',
      status: 'DONE',
      stage: 'POSTING',
      total: personMonths,
      counts: { read: persons!.n, checked: persons!.n, saved: personMonths },
      result: { status: 'ACCEPTED' },
    });
  });

  it('a send stopped after its receipt shows RECEIVED; the recovery decides it and ends the job', async () => {
    const scope = await directorScope(db, 'xezer', SEND_AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 2,
      asOf: SEND_AS_OF,
    });
    const job = await startSendJob(db, scope, reportId);
    const signed = await signReport(db, scope, reportId);
    job.progress({ stage: 'SIGNATURE' });
    const hook = sendStageHook(job);
    const crash = new Error('the instance stopped');
    await expect(
      completeReportSending(
        db,
        scope,
        { browser: testBrowser, reportId, ...signed },
        SEND_AS_OF,
        (stage, count, total) => {
          // The instance goes away once the receipt is in, before the checks start.
          if (stage === 'AUTOMATIC_CHECKS') throw crash;
          hook(stage, count, total);
        },
      ),
    ).rejects.toBe(crash);
    await job.flush();
    const stopped = await getJob(db, scope, { jobId: job.jobId });
    expect(stopped).toMatchObject({ status: 'RUNNING', stage: 'RECEIVED' });
    expect(stopped.counts.read).toBeGreaterThan(0);
    // Nothing posted yet: the submission waits, Received.
    const [pending] = await db
      .select({ status: submissions.status, receipt: submissions.receiptNumber })
      .from(submissions)
      .where(eq(submissions.reportId, reportId));
    expect(pending?.status).toBe('RECEIVED');
    // Shown as interrupted once stale, on the report's page (findLatestJob).
    const later = new Date(Date.parse(stopped.updatedAt) + 11 * 60 * 1000);
    expect(await findLatestJob(db, scope, { reportId, kind: 'SEND_REPORT' }, later)).toMatchObject({
      id: job.jobId,
      status: 'FAILED',
      errorCode: 'JOB_INTERRUPTED',
    });
    // The recovery (server start, sweep) decides it and ends the job with the decision.
    expect(await decidePendingSubmissions(db, { graceMs: 0, asOf: later })).toBeGreaterThan(0);
    expect(await getJob(db, scope, { jobId: job.jobId }, later)).toMatchObject({
      status: 'DONE',
      result: { status: 'ACCEPTED', receiptNumber: pending?.receipt },
    });
    // Another employer never sees this send job.
    const kur = await reportsScope(db, 'kur', 'kur-director');
    await expect(getJob(db, kur, { jobId: job.jobId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await findLatestJob(db, kur, { reportId, kind: 'SEND_REPORT' })).toBeNull();
  });
});
