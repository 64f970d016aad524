import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  personAccountEntries,
  reportMonths,
  reportPersons,
  reports,
  submissions,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN2 } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import { resolveEmployerAccess } from '@/lib/server/access';
import { signOnSimulatedCard } from '@/lib/server/demo/sign-on-simulated-card';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { ledgerBalanceThrough } from '@/lib/server/reports/report-ledger';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { createCorrectiveReport } from '@/lib/server/submissions/create-corrective-report';
import { getCorrectionDiff } from '@/lib/server/submissions/get-correction-diff';
import { completeQuarterSending, startQuarterSending } from '@/lib/server/submissions/send-quarter';
import { completeReportSending, startReportSending } from '@/lib/server/submissions/send-report';
import { demoActor, ensureDemoCertificates, insertAuthority } from '../helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { testBrowser } from '../helpers/test-browser';

const AS_OF = new Date('2025-10-15T10:00:00+04:00');
const LATER = new Date('2025-11-20T10:00:00+04:00');

describe('corrective reports, quarter sending, signer authority', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
  }, 60_000);
  afterAll(async () => database.close());

  it('"GÖNDƏR" of a quarter: one signature over the manifest, each report received and accepted on its own', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const a = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 2,
      asOf: AS_OF,
    });
    const b = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '47.41',
      year: 2025,
      quarter: 2,
      asOf: AS_OF,
    });
    const started = await startQuarterSending(db, scope, {
      browser: testBrowser,
      year: 2025,
      quarter: 2,
      method: 'ESIGN',
    });
    if (!started.ok) throw new Error(`not started: ${started.code}`);
    expect(started.included.map((r) => r.reportId).sort()).toEqual([a, b].sort());
    const jws = await signOnSimulatedCard(db, { sessionId: started.sessionId, pin: DEMO_PIN2 });
    const done = await completeQuarterSending(
      db,
      scope,
      { browser: testBrowser, batchId: started.batchId, jws },
      AS_OF,
    );
    if (!done.ok) throw new Error(`not completed: ${done.code}`);
    expect(done.results.map((r) => r.ok && r.submission.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    const rows = await db
      .select()
      .from(submissions)
      .where(eq(submissions.batchId, started.batchId));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.signedDocumentId)).size).toBe(1);
    // Repeating the completion returns the same submissions.
    const again = await completeQuarterSending(
      db,
      scope,
      { browser: testBrowser, batchId: started.batchId, jws },
      AS_OF,
    );
    expect(again.ok && again.results.map((r) => r.ok && r.submission.receiptNumber)).toEqual(
      done.results.map((r) => r.ok && r.submission.receiptNumber),
    );
    for (const [id, code] of [
      [a, '62.01'],
      [b, '47.41'],
    ] as const) {
      const [r] = await db.select().from(reports).where(eq(reports.id, id));
      expect(await ledgerBalanceThrough(db, seedEmployer('xezer').id, code, '2025-06')).toBe(
        r!.debtEndQepik,
      );
    }
    // Nothing left to send.
    expect(
      await startQuarterSending(db, scope, {
        browser: testBrowser,
        year: 2025,
        quarter: 2,
        method: 'ESIGN',
      }),
    ).toMatchObject({ ok: false, code: 'NOTHING_TO_SEND' });
  });

  it('a corrective report starts from a copy, shows the change, posts only the difference and replaces the original', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const original = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 3,
      asOf: AS_OF,
    });
    const first = await sendReport(db, scope, original, AS_OF);
    expect(first.ok && first.submission.status).toBe('ACCEPTED');
    const [before] = await db.select().from(reports).where(eq(reports.id, original));

    const { reportId } = await createCorrectiveReport(db, scope, { reportId: original }, LATER);
    await expect(
      createCorrectiveReport(db, scope, { reportId: original }, LATER),
    ).rejects.toMatchObject({ code: 'CORRECTIVE_EXISTS' });
    const unchanged = await getCorrectionDiff(db, scope, { reportId });
    expect(unchanged?.changedCount).toBe(0);
    expect(unchanged?.mdss.afterQepik).toBe(unchanged?.mdss.beforeQepik);

    // One person earned 500 AZN more in July than first reported.
    const [person] = await db
      .select()
      .from(reportPersons)
      .where(eq(reportPersons.reportId, reportId))
      .orderBy(reportPersons.fin)
      .limit(1);
    const julyBefore = person!.incomeM1Qepik ?? 0;
    await updateReportPerson(
      db,
      scope,
      {
        reportId,
        fin: person!.fin,
        incomesQepik: [julyBefore + 50_000, person!.incomeM2Qepik, person!.incomeM3Qepik],
      },
      LATER,
    );
    const months = await db
      .select()
      .from(reportMonths)
      .where(eq(reportMonths.reportId, reportId))
      .orderBy(reportMonths.month);
    await saveLabourPayments(
      db,
      scope,
      {
        reportId,
        months: months.map((m, i) => ({
          month: m.month,
          labourPaymentsQepik: (m.labourPaymentsQepik ?? 0) + (i === 0 ? 50_000 : 0),
        })),
      },
      LATER,
    );
    await distributeReport(db, scope, { reportId }, LATER);
    const [versionBefore] = await db
      .select({ v: reports.version })
      .from(reports)
      .where(eq(reports.id, reportId));
    const diff = await getCorrectionDiff(db, scope, { reportId });
    // Looking at the difference changes nothing (its penalty preview is a rolled-back dry run).
    const [versionAfter] = await db
      .select({ v: reports.version })
      .from(reports)
      .where(eq(reports.id, reportId));
    expect(versionAfter!.v).toBe(versionBefore!.v);
    expect(diff?.changedCount).toBe(1);
    expect(diff?.changes[0]).toMatchObject({
      fin: person!.fin,
      month: '2025-07',
      kind: 'CHANGED',
      incomeBeforeQepik: julyBefore,
      incomeAfterQepik: julyBefore + 50_000,
    });
    expect(diff!.mdss.afterQepik).toBeGreaterThan(diff!.mdss.beforeQepik);

    const sent = await sendReport(db, scope, reportId, LATER);
    if (!sent.ok) throw new Error(`corrective not sent: ${sent.code}`);
    expect(sent.submission.status).toBe('ACCEPTED');
    const [after] = await db.select().from(reports).where(eq(reports.id, reportId));
    const [replaced] = await db.select().from(reports).where(eq(reports.id, original));
    expect(replaced!.status).toBe('REPLACED');
    expect(await ledgerBalanceThrough(db, seedEmployer('xezer').id, '62.01', '2025-09')).toBe(
      after!.debtEndQepik,
    );
    expect(after!.mdssQepik! - before!.mdssQepik!).toBe(
      diff!.mdss.afterQepik - diff!.mdss.beforeQepik,
    );
    // The check page showed the closing debt that was then sent (penalty brought to the filing date).
    expect(diff!.debtEnd.afterQepik).toBe(after!.debtEndQepik);
    // The person's account: original + difference = corrected figures; only the changed month got a new row.
    const rows = await db
      .select()
      .from(personAccountEntries)
      .where(
        and(eq(personAccountEntries.fin, person!.fin), eq(personAccountEntries.month, '2025-07')),
      );
    expect(rows.reduce((t, r) => t + r.incomeQepik, 0)).toBe(julyBefore + 50_000);
    const [diffRows] = await db
      .select({ n: sql<string>`count(*)` })
      .from(personAccountEntries)
      .where(eq(personAccountEntries.reportId, reportId));
    expect(Number(diffRows!.n)).toBeGreaterThanOrEqual(1);
    expect(Number(diffRows!.n)).toBeLessThan(after!.personsCount! * 3);
  });

  it('another employer gets nothing: corrective, difference and quarter sending are scoped', async () => {
    const kur = await directorScope(db, 'kur', AS_OF);
    const [accepted] = await db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.employerId, seedEmployer('xezer').id), eq(reports.status, 'ACCEPTED')));
    await expect(createCorrectiveReport(db, kur, { reportId: accepted!.id })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await expect(getCorrectionDiff(db, kur, { reportId: accepted!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const xezer = await directorScope(db, 'xezer', AS_OF);
    const draft = await sendableReport(db, xezer, {
      employerKey: 'xezer',
      activityCode: '47.41',
      year: 2025,
      quarter: 1,
      asOf: AS_OF,
    });
    // Kür's quarter sending never picks up Xəzər's draft, and cannot complete Xəzər's batch.
    const kurQuarter = await startQuarterSending(db, kur, {
      browser: testBrowser,
      year: 2025,
      quarter: 1,
      method: 'ESIGN',
    });
    expect(kurQuarter).toMatchObject({ ok: false, code: 'NOTHING_TO_SEND' });
    const started = await startQuarterSending(db, xezer, {
      browser: testBrowser,
      year: 2025,
      quarter: 1,
      method: 'ESIGN',
    });
    if (!started.ok) throw new Error('not started');
    expect(started.included.map((r) => r.reportId)).toEqual([draft]);
    expect(
      await completeQuarterSending(db, kur, { browser: testBrowser, batchId: started.batchId }),
    ).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('a signer whose authority had ended when they signed gets the report returned, with nothing posted', async () => {
    const xezer = seedEmployer('xezer');
    await insertAuthority(db, {
      employerId: xezer.id,
      holderKey: 'free-person',
      service: 'REPORTS',
      validFrom: '2025-01-01',
      validTo: '2025-10-31',
      grantedAt: new Date('2025-01-01T09:00:00Z'),
    });
    const director = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, director, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 1,
      asOf: AS_OF,
    });
    // The holder opened the send while the authority was live (October 2025)…
    const access = await resolveEmployerAccess(
      db,
      demoActor('free-person'),
      xezer.id,
      'REPORTS',
      AS_OF,
    );
    if (!access.ok) throw new Error(access.reason);
    const started = await startReportSending(db, access.scope, {
      browser: testBrowser,
      reportId,
      method: 'ESIGN',
    });
    if (!started.ok) throw new Error('not started');
    // …but signs today, long after it ended.
    const jws = await signOnSimulatedCard(db, { sessionId: started.sessionId, pin: DEMO_PIN2 });
    const outcome = await completeReportSending(
      db,
      access.scope,
      { browser: testBrowser, reportId, sessionId: started.sessionId, jws },
      AS_OF,
    );
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.submission.status).toBe('RETURNED');
    expect(outcome.submission.returnReasons.map((r) => r.code)).toContain('SIGNER_NO_AUTHORITY');
    expect(
      await db
        .select()
        .from(personAccountEntries)
        .where(eq(personAccountEntries.reportId, reportId)),
    ).toHaveLength(0);
    const [r] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(r!.status).toBe('RETURNED');
  });
});
