import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  jobs,
  ledgerEntries,
  personAccountTotals,
  reports,
  reportStatusHistory,
  sanctionProposals,
  submissions,
} from '@/db/schema';
import { reportMonths, reportPersons } from '@/db/schema';
import { rowsOf } from '@/db/migrate';
import { seed } from '@/db/seed';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { createCorrectiveReport } from '@/lib/server/submissions/create-corrective-report';
import { seedEmployer } from '@/db/seed/employers';
import type { Db } from '@/db/types';
import { AppError } from '@/lib/server/errors';
import { REPORT_SOURCE } from '@/lib/server/reports/report-ledger';
import { decideReportByHand } from '@/lib/server/staff/reports/decide-by-hand';
import { startSendJob } from '@/lib/server/jobs/send-job';
import { returnAcceptedReport } from '@/lib/server/staff/reports/return-report';
import { listReviewQueue } from '@/lib/server/staff/reports/review-queue';
import { getReviewReport } from '@/lib/server/staff/reports/review-report';
import {
  decideSanctionProposal,
  listSanctionProposals,
} from '@/lib/server/staff/reports/sanctions';
import { ensureDemoCertificates } from '../../helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../../helpers/sending-fixtures';
import { STAFF_KEYS, staffScopeOf } from '../../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

const AS_OF = new Date('2025-10-15T10:00:00+04:00');
const days = (n: number) => new Date(AS_OF.getTime() + n * 86_400_000);

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const num = (v: unknown) => Number(v ?? 0);

/** The report-posted ledger of an employer and code, and the same over its accepted reports. */
async function ledgerAgainstAccepted(db: Db, employerId: string, activityCode: string) {
  const [all] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.employerId, employerId),
        eq(ledgerEntries.activityCode, activityCode),
        eq(ledgerEntries.sourceType, REPORT_SOURCE),
      ),
    );
  const standing = db
    .select({ id: sql`${submissions.id}::text` })
    .from(submissions)
    .innerJoin(reports, eq(reports.id, submissions.reportId))
    .where(
      and(
        eq(submissions.employerId, employerId),
        eq(submissions.status, 'ACCEPTED'),
        inArray(reports.status, ['ACCEPTED', 'REPLACED']),
      ),
    );
  const [accepted] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.employerId, employerId),
        eq(ledgerEntries.activityCode, activityCode),
        eq(ledgerEntries.sourceType, REPORT_SOURCE),
        inArray(ledgerEntries.sourceId, standing),
      ),
    );
  return { ledger: num(all?.total), accepted: num(accepted?.total) };
}

async function personTotals(db: Db, employerId: string, activityCode: string) {
  const rows = await db
    .select()
    .from(personAccountTotals)
    .where(
      and(
        eq(personAccountTotals.employerId, employerId),
        eq(personAccountTotals.activityCode, activityCode),
      ),
    );
  return Object.fromEntries(
    rows
      .map((r) => [
        r.fin,
        [
          r.incomeQepik,
          r.employerMdssQepik,
          r.employeeMdssQepik,
          r.paidEmployerQepik,
          r.paidEmployeeQepik,
        ],
      ])
      .filter(([, v]) => (v as number[]).some((x) => x !== 0)),
  );
}

describe('report review: queue, return with compensating entries, hand decisions, sanctions', () => {
  let database: TestDatabase;
  let db: Db;
  const xezer = seedEmployer('xezer');
  let acceptedReportId = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('an accepted report is in the queue of its body, filtered by status, employer and period, and not in another body', async () => {
    const before = await personTotals(db, xezer.id, '62.01');
    const scope = await directorScope(db, 'xezer', AS_OF);
    acceptedReportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 3,
      asOf: AS_OF,
    });
    const sent = await sendReport(db, scope, acceptedReportId, AS_OF);
    expect(sent.ok && sent.submission.status).toBe('ACCEPTED');
    expect(await personTotals(db, xezer.id, '62.01')).not.toEqual(before);

    const reviewer = await staffScopeOf(db, STAFF_KEYS.reviewer);
    const queue = await listReviewQueue(
      db,
      reviewer,
      { status: 'ACCEPTED', employerId: xezer.id, year: 2025, quarter: 3 },
      days(1),
    );
    expect(queue.rows.map((r) => r.reportId)).toEqual([acceptedReportId]);
    expect(queue.rows[0]!.dueDate).toBeTruthy();
    expect(queue.rows[0]!.returnable).toBe(true);
    expect(
      (await listReviewQueue(db, reviewer, { status: 'RETURNED', employerId: xezer.id })).total,
    ).toBe(0);
    expect((await listReviewQueue(db, reviewer, { year: 2024 })).total).toBe(0);
    const other = await staffScopeOf(db, STAFF_KEYS.otherBody);
    expect((await listReviewQueue(db, other, {})).rows.map((r) => r.reportId)).not.toContain(
      acceptedReportId,
    );
    expect((await listReviewQueue(db, other, { employerId: xezer.id })).total).toBe(0);

    const view = await getReviewReport(db, reviewer, { reportId: acceptedReportId }, days(1));
    expect(view.view.report.status).toBe('ACCEPTED');
    expect(view.receipt?.receiptNumber).toBe(view.view.report.receiptNumber);
    expect(view.signature).toEqual({ valid: true, code: 'VALID' });
    expect(view.returnWindow?.open).toBe(true);
    expect(await code(getReviewReport(db, other, { reportId: acceptedReportId }))).toBe(
      'NOT_FOUND',
    );
    (globalThis as { __before?: unknown }).__before = before;
  });

  it('another body’s staff get NOT_FOUND for returning it; after the window it is refused', async () => {
    const other = await staffScopeOf(db, STAFF_KEYS.otherBody);
    expect(
      await code(
        returnAcceptedReport(db, other, {
          reportId: acceptedReportId,
          codes: ['MDSS_MISMATCH'],
          note: 'x',
        }),
      ),
    ).toBe('NOT_FOUND');
    const reviewer = await staffScopeOf(db, STAFF_KEYS.reviewer);
    expect(
      await code(
        returnAcceptedReport(
          db,
          reviewer,
          { reportId: acceptedReportId, codes: ['MDSS_MISMATCH'], note: 'Gec' },
          days(31),
        ),
      ),
    ).toBe('REVIEW_RETURN_WINDOW_CLOSED');
    expect(
      await code(
        returnAcceptedReport(db, reviewer, { reportId: acceptedReportId, codes: [], note: '' }),
      ),
    ).toBe('REVIEW_REASON_REQUIRED');
  });

  it('returning within the window reverses its posting exactly; returning twice reverses once', async () => {
    const reviewer = await staffScopeOf(db, STAFF_KEYS.reviewer);
    const ledgerBefore = await ledgerAgainstAccepted(db, xezer.id, '62.01');
    expect(ledgerBefore.ledger).toBe(ledgerBefore.accepted);
    const attempts = await Promise.allSettled([
      returnAcceptedReport(
        db,
        reviewer,
        { reportId: acceptedReportId, codes: ['MDSS_MISMATCH'], note: 'Əmək haqqı səhvdir' },
        days(30),
      ),
      returnAcceptedReport(
        db,
        reviewer,
        { reportId: acceptedReportId, codes: ['PERSONS_MISSING'], note: 'İkinci dəfə' },
        days(30),
      ),
    ]);
    const done = attempts.filter((a) => a.status === 'fulfilled');
    expect(done).toHaveLength(1);
    const failed = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('REVIEW_REPORT_NOT_ACCEPTED');
    const outcome = (done[0] as PromiseFulfilledResult<{ ledgerRows: number; personRows: number }>)
      .value;
    expect(outcome.ledgerRows).toBeGreaterThan(0);
    expect(outcome.personRows).toBeGreaterThan(0);

    const after = await ledgerAgainstAccepted(db, xezer.id, '62.01');
    expect(after.ledger).toBe(after.accepted);
    expect(after.accepted).toBe(ledgerBefore.accepted - ledgerBefore.ledger + after.ledger);
    const [sub] = await db
      .select()
      .from(submissions)
      .where(eq(submissions.reportId, acceptedReportId));
    const [net] = await db
      .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.sourceId, sub!.id));
    expect(num(net?.total)).toBe(0);
    expect(await personTotals(db, xezer.id, '62.01')).toEqual(
      (globalThis as { __before?: unknown }).__before,
    );
    expect(sub!.status).toBe('RETURNED');
    const [report] = await db.select().from(reports).where(eq(reports.id, acceptedReportId));
    expect(report!.status).toBe('RETURNED');
    const history = await db
      .select()
      .from(reportStatusHistory)
      .where(eq(reportStatusHistory.reportId, acceptedReportId))
      .orderBy(reportStatusHistory.id);
    expect(history.map((h) => h.status)).toEqual(['RECEIVED', 'ACCEPTED', 'RETURNED']);
    expect(JSON.stringify(history.at(-1)!.reasons)).toContain('Əmək haqqı səhvdir');
    const audits = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'REPORT_RETURNED_BY_REVIEWER'));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.details)).toContain('Əmək haqqı səhvdir');
    // The employer's own view shows it returned with the reasons.
    const scope = await directorScope(db, 'xezer', days(30));
    const { getSentReport } = await import('@/lib/server/reports/registry/get-sent-report');
    const own = await getSentReport(db, scope, { reportId: acceptedReportId });
    if (own.isDraft) throw new Error('draft');
    expect(own.report.status).toBe('RETURNED');
    expect(own.latestSubmission?.returnReasons.map((r) => r.code)).toEqual([
      'MDSS_MISMATCH',
      'REVIEWER_NOTE',
    ]);
    expect(
      await code(
        returnAcceptedReport(
          db,
          reviewer,
          { reportId: acceptedReportId, codes: ['MDSS_MISMATCH'], note: 'again' },
          days(30),
        ),
      ),
    ).toBe('REVIEW_REPORT_NOT_ACCEPTED');
  });

  it('the employer files the returned report again and it is accepted and posted anew', async () => {
    const scope = await directorScope(db, 'xezer', days(31));
    const again = await sendReport(db, scope, acceptedReportId, days(31));
    if (!again.ok) throw new Error(again.code);
    expect(again.submission.status).toBe('ACCEPTED');
    const after = await ledgerAgainstAccepted(db, xezer.id, '62.01');
    expect(after.ledger).toBe(after.accepted);
    expect(after.accepted).not.toBe(0);
  });

  it('returning a corrective report puts the report it replaced back in force', async () => {
    const scope = await directorScope(db, 'xezer', days(32));
    const { reportId } = await createCorrectiveReport(
      db,
      scope,
      { reportId: acceptedReportId },
      days(32),
    );
    const [person] = await db
      .select()
      .from(reportPersons)
      .where(eq(reportPersons.reportId, reportId))
      .orderBy(reportPersons.fin)
      .limit(1);
    await updateReportPerson(
      db,
      scope,
      {
        reportId,
        fin: person!.fin,
        incomesQepik: [
          (person!.incomeM1Qepik ?? 0) + 50_000,
          person!.incomeM2Qepik,
          person!.incomeM3Qepik,
        ],
      },
      days(32),
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
      days(32),
    );
    await distributeReport(db, scope, { reportId }, days(32));
    const personsBefore = await personTotals(db, xezer.id, '62.01');
    const sent = await sendReport(db, scope, reportId, days(32));
    if (!sent.ok) throw new Error(sent.code);
    expect(sent.submission.status).toBe('ACCEPTED');
    const reviewer = await staffScopeOf(db, STAFF_KEYS.reviewer);
    await returnAcceptedReport(
      db,
      reviewer,
      { reportId, codes: ['MDSS_MISMATCH'], note: 'Düzəliş səhvdir' },
      days(33),
    );
    const [original] = await db.select().from(reports).where(eq(reports.id, acceptedReportId));
    const [corrective] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect([original!.status, corrective!.status]).toEqual(['ACCEPTED', 'RETURNED']);
    const after = await ledgerAgainstAccepted(db, xezer.id, '62.01');
    expect(after.ledger).toBe(after.accepted);
    expect(await personTotals(db, xezer.id, '62.01')).toEqual(personsBefore);
  });

  it('a report left Received is decided by hand: accept posts as the automatic decision does; return posts nothing', async () => {
    const scope = await directorScope(db, 'kur', AS_OF);
    const reviewer = await staffScopeOf(db, STAFF_KEYS.reviewer);
    const pendingOf = async (activityCode: string, quarter: number) => {
      const reportId = await sendableReport(db, scope, {
        employerKey: 'kur',
        activityCode,
        year: 2025,
        quarter,
        asOf: AS_OF,
      });
      // Sent, but the checks stopped midway (the database refused the persons' rows): it
      // stays Received with nothing posted. DDL is the owner's.
      await database.owner.execute(
        sql`create or replace function test_refuse() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`,
      );
      await database.owner.execute(
        sql`create trigger test_refuse before insert on person_account_entries for each row execute function test_refuse()`,
      );
      await expect(sendReport(db, scope, reportId, AS_OF)).rejects.toThrow();
      await database.owner.execute(sql`drop trigger test_refuse on person_account_entries`);
      // The send's job row, left running as a crash after the receipt leaves it.
      await startSendJob(db, scope, reportId);
      return reportId;
    };
    const sendJobOf = async (reportId: string) => {
      const [job] = await db
        .select({ status: jobs.status, result: jobs.result })
        .from(jobs)
        .where(and(eq(jobs.reportId, reportId), eq(jobs.kind, 'SEND_REPORT')));
      return job;
    };
    const first = await pendingOf('41.20', 3);
    const queue = await listReviewQueue(db, reviewer, { status: 'SENT' });
    expect(queue.rows.map((r) => r.reportId)).toContain(first);
    const accepted = await decideReportByHand(db, reviewer, {
      reportId: first,
      decision: 'ACCEPT',
    });
    expect(accepted.status).toBe('ACCEPTED');
    expect(await sendJobOf(first)).toMatchObject({
      status: 'DONE',
      result: { status: 'ACCEPTED' },
    });
    const kur = seedEmployer('kur');
    const ledger = await ledgerAgainstAccepted(db, kur.id, '41.20');
    expect(ledger.ledger).toBe(ledger.accepted);
    expect(ledger.accepted).not.toBe(0);
    const [history] = await db
      .select()
      .from(reportStatusHistory)
      .where(
        and(eq(reportStatusHistory.reportId, first), eq(reportStatusHistory.status, 'ACCEPTED')),
      );
    expect(history!.actor).toBe(`STAFF:${reviewer.fin}`);
    expect(
      await code(decideReportByHand(db, reviewer, { reportId: first, decision: 'ACCEPT' })),
    ).toBe('REVIEW_REPORT_NOT_PENDING');

    const second = await pendingOf('41.20', 1);
    const returned = await decideReportByHand(db, reviewer, {
      reportId: second,
      decision: 'RETURN',
      codes: ['PERSONS_MISSING'],
      note: 'Siyahı natamamdır',
    });
    expect(returned.status).toBe('RETURNED');
    expect(await sendJobOf(second)).toMatchObject({
      status: 'DONE',
      result: { status: 'RETURNED' },
    });
    const [sub] = await db.select().from(submissions).where(eq(submissions.reportId, second));
    expect(sub!.status).toBe('RETURNED');
    const [net] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.sourceId, sub!.id));
    expect(num(net?.n)).toBe(0);
    const other = await staffScopeOf(db, STAFF_KEYS.otherBody);
    expect(
      await code(decideReportByHand(db, other, { reportId: second, decision: 'ACCEPT' })),
    ).toBe('NOT_FOUND');
  });

  it('a late filing’s sanction proposal is imposed (one SANCTION entry) or dismissed, once', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '47.41',
      year: 2025,
      quarter: 2,
      asOf: AS_OF,
    });
    await sendReport(db, scope, reportId, AS_OF);
    const [proposal] = await db
      .select()
      .from(sanctionProposals)
      .where(eq(sanctionProposals.reportId, reportId));
    expect(proposal).toBeDefined();
    const reviewer = await staffScopeOf(db, STAFF_KEYS.reviewer);
    const other = await staffScopeOf(db, STAFF_KEYS.otherBody);
    const open = await listSanctionProposals(db, reviewer, {});
    expect(open.rows.map((r) => r.proposalId)).toContain(proposal!.id);
    expect(
      (await listSanctionProposals(db, other, {})).rows.map((r) => r.proposalId),
    ).not.toContain(proposal!.id);
    expect(
      await code(
        decideSanctionProposal(db, other, {
          proposalId: proposal!.id,
          decision: 'IMPOSE',
          reason: 'x',
        }),
      ),
    ).toBe('NOT_FOUND');
    const both = await Promise.allSettled([
      decideSanctionProposal(db, reviewer, {
        proposalId: proposal!.id,
        decision: 'IMPOSE',
        reason: 'Hesabat gecikmə ilə təqdim edilib',
      }),
      decideSanctionProposal(db, reviewer, {
        proposalId: proposal!.id,
        decision: 'DISMISS',
        reason: 'Üzrlü səbəb',
      }),
    ]);
    expect(both.filter((b) => b.status === 'fulfilled')).toHaveLength(1);
    const rejected = both.find((b) => b.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('REVIEW_SANCTION_DECIDED');
    const entries = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.sourceId, proposal!.id), eq(ledgerEntries.kind, 'SANCTION')));
    const [decided] = await db
      .select()
      .from(sanctionProposals)
      .where(eq(sanctionProposals.id, proposal!.id));
    if (decided!.status === 'IMPOSED') {
      expect(entries.map((e) => e.amountQepik)).toEqual([proposal!.amountQepik]);
    } else {
      expect(decided!.status).toBe('DISMISSED');
      expect(entries).toHaveLength(0);
    }
    expect(
      (await listSanctionProposals(db, reviewer, {})).rows.map((r) => r.proposalId),
    ).not.toContain(proposal!.id);
  });

  it('the queue orders pending first, then by the latest submission’s deadline, from the report’s own copy of it', async () => {
    // Every sent report carries its latest submission's due date and late flag (written with it).
    const mismatched = await db.execute(sql`
      select r.id from reports r
      join lateral (select s.due_date, s.late from submissions s where s.report_id = r.id
        order by s.received_at desc limit 1) l on true
      where r.due_date is distinct from l.due_date or r.late is distinct from l.late`);
    expect(rowsOf(mismatched)).toEqual([]);
    const reviewer = await staffScopeOf(db, STAFF_KEYS.reviewer);
    const queue = await listReviewQueue(db, reviewer, {});
    expect(queue.rows.length).toBeGreaterThan(2);
    // The order the queue always had, from the submissions themselves.
    const expected = await db.execute(sql`
      select r.id from reports r join employers e on e.id = r.employer_id
      where e.local_body_code = ${reviewer.localBodyCode}
        and r.status in ('SENT', 'ACCEPTED', 'RETURNED')
      order by case r.status when 'SENT' then 0 else 1 end,
        (select s.due_date || '|' || s.late::text || '|' ||
           coalesce(to_char(r.decided_at at time zone 'Asia/Baku', 'YYYY-MM-DD'), '')
         from submissions s where s.report_id = r.id order by s.received_at desc limit 1),
        r.sent_at desc, r.id
      limit 25`);
    expect(queue.rows.map((r) => r.reportId)).toEqual(
      rowsOf<{ id: string }>(expected).map((r) => r.id),
    );
    expect(queue.rows.findIndex((r) => r.status !== 'SENT')).toBeGreaterThanOrEqual(
      queue.rows.filter((r) => r.status === 'SENT').length,
    );
  });
});
