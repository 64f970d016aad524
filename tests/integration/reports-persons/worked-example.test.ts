import { randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  employments,
  payments,
  preferentialSeniorityEntries,
  registryPersons,
  reportNonLiableIncomes,
  reportPayments,
  reports,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { demoIdentity } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import type { EmployerScope } from '@/lib/server/access';
import { AppError } from '@/lib/server/errors';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { getDistributionWarnings } from '@/lib/server/reports/distribution/get-distribution-warnings';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { confirmWarnings } from '@/lib/server/reports/review/confirm-warnings';
import { getReportReview } from '@/lib/server/reports/review/get-report-review';
import { markReportReady } from '@/lib/server/reports/review/mark-report-ready';
import { addSeniority } from '@/lib/server/reports/seniority/add-seniority';
import { deleteSeniority } from '@/lib/server/reports/seniority/delete-seniority';
import { listSeniority } from '@/lib/server/reports/seniority/list-seniority';
import { findSignatory } from '@/lib/server/reports/signatories/find-signatory';
import { saveSignatory } from '@/lib/server/reports/signatories/save-signatory';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope, setReportMonth } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

async function refusal(promise: Promise<unknown>): Promise<AppError | AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError || error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const AZN = 100;
const MONTHS = ['2025-07', '2025-08', '2025-09'];

describe('the manual’s worked example through the use cases (F19–F25, check answers)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  let fins: string[];
  let reportId: string;
  let nonLiableId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
    kur = await reportsScope(database.db, 'kur', 'kur-director');
    const free = await database.db
      .select({ fin: registryPersons.fin })
      .from(registryPersons)
      .where(
        notInArray(
          registryPersons.fin,
          database.db.select({ fin: employments.fin }).from(employments),
        ),
      )
      .orderBy(registryPersons.fin)
      .limit(3);
    fins = free.map((f) => f.fin);
    reportId = await insertDraftReport(database.db, {
      labourPaymentsQepik: [3000 * AZN, 3000 * AZN, 3000 * AZN],
    });
    for (const fin of fins) {
      await addReportPerson(database.db, xezer, {
        reportId,
        fin,
        incomesQepik: [1000 * AZN, 1000 * AZN, 1000 * AZN],
      });
    }
    nonLiableId = randomUUID();
    await database.db.insert(reportNonLiableIncomes).values({
      id: nonLiableId,
      reportId,
      employerId: seedEmployer('xezer').id,
      reasonCode: 'GIFTS_AID',
      month: '2025-08',
      amountQepik: 500 * AZN,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('BÖLÜŞDÜR gives exactly one warning, for August, 500,00 ₼, fixed at F8', async () => {
    const outcome = await distributeReport(database.db, xezer, { reportId });
    expect(outcome.warnings).toHaveLength(1);
    const [warning] = outcome.warnings;
    expect(warning).toMatchObject({
      month: '2025-08',
      differenceQepik: 500 * AZN,
      fixStep: 'F8',
      cause: 'NON_LIABLE_INCOME',
    });
    expect(warning!.text.az).toContain('Avqust 2025: 500,00 ₼');
    expect(warning!.text.en).toContain('August 2025: AZN 500.00');
    // 1 000 AZN a month, non-state 2019–25: 86 + 164 per person and month (DOMAIN.md §2).
    expect(outcome.months.map((m) => [m.employeeQepik, m.employerQepik])).toEqual(
      MONTHS.map(() => [3 * 8_600, 3 * 16_400]),
    );
    expect(outcome.paidQepik).toBe(0);
    expect(outcome.distributedQepik + outcome.undistributedQepik).toBe(0);
    expect((await getDistributionWarnings(database.db, xezer, { reportId })).warnings).toHaveLength(
      1,
    );
  });

  it('splits what the payment settles of its own side equally among persons with debt (F19); the rest goes to older debt', async () => {
    const [payment] = await database.db
      .select()
      .from(payments)
      .where(eq(payments.employerId, seedEmployer('xezer').id))
      .limit(1);
    const usedQepik = Math.min(payment!.amountQepik, 3000 * AZN);
    await database.db.insert(reportPayments).values({
      reportId,
      employerId: seedEmployer('xezer').id,
      paymentId: payment!.id,
      amountQepik: usedQepik,
    });
    try {
      const outcome = await distributeReport(database.db, xezer, { reportId });
      // The seed's first payment carries the employer's class code (121111): it settles the
      // employer's 164 ₼ per person and month only (DOMAIN.md §5, §8).
      expect(payment!.economicClassCode).toBe('121111');
      const duesQepik = 3 * 3 * 16_400;
      expect(outcome.paidQepik).toBe(usedQepik);
      expect(outcome.distributedQepik).toBe(Math.min(usedQepik, duesQepik));
      expect(outcome.undistributedQepik).toBe(usedQepik - Math.min(usedQepik, duesQepik));
      expect(outcome.months.every((m) => m.paidEmployeeQepik === 0)).toBe(true);
      const paidPerMonth = outcome.months.reduce(
        (t, m) => t + m.paidEmployerQepik + m.paidEmployeeQepik,
        0,
      );
      expect(paidPerMonth).toBe(outcome.distributedQepik);
    } finally {
      await database.db.delete(reportPayments).where(eq(reportPayments.reportId, reportId));
    }
  });

  it('no warning once the non-liable income is removed or the labour payments raised', async () => {
    await setReportMonth(database.db, reportId, '2025-08', { labourPaymentsQepik: 3500 * AZN });
    expect((await distributeReport(database.db, xezer, { reportId })).warnings).toEqual([]);
    await setReportMonth(database.db, reportId, '2025-08', { labourPaymentsQepik: 3000 * AZN });
    await database.db
      .delete(reportNonLiableIncomes)
      .where(eq(reportNonLiableIncomes.id, nonLiableId));
    expect((await distributeReport(database.db, xezer, { reportId })).warnings).toEqual([]);
    // Put the manual's August income back for the check-answers test below.
    await database.db.insert(reportNonLiableIncomes).values({
      id: nonLiableId,
      reportId,
      employerId: seedEmployer('xezer').id,
      reasonCode: 'GIFTS_AID',
      month: '2025-08',
      amountQepik: 500 * AZN,
    });
  });

  it('preferential seniority (F24): persons of the report only, days or dates within the quarter', async () => {
    const [entry] = await database.db.select().from(preferentialSeniorityEntries).limit(1);
    const outsider = demoIdentity('free-person').fin;
    expect(
      await refusal(
        addSeniority(database.db, xezer, { reportId, fin: outsider, entryId: entry!.id, days: 10 }),
      ),
    ).toMatchObject({ code: 'SENIORITY_PERSON_NOT_IN_REPORT', field: 'fin' });
    expect(
      await refusal(
        addSeniority(database.db, xezer, { reportId, fin: fins[0]!, entryId: 99_999, days: 10 }),
      ),
    ).toMatchObject({ code: 'SENIORITY_ENTRY_NOT_FOUND' });
    expect(
      await refusal(
        addSeniority(database.db, xezer, { reportId, fin: fins[0]!, entryId: entry!.id, days: 93 }),
      ),
    ).toMatchObject({ code: 'SENIORITY_DAYS_RANGE', params: { max: 92 } });
    expect(
      await refusal(
        addSeniority(database.db, xezer, { reportId, fin: fins[0]!, entryId: entry!.id, days: 0 }),
      ),
    ).toMatchObject({ code: 'SENIORITY_DAYS_RANGE' });
    expect(
      await refusal(
        addSeniority(database.db, xezer, { reportId, fin: fins[0]!, entryId: entry!.id }),
      ),
    ).toMatchObject({ code: 'SENIORITY_PERIOD_REQUIRED' });
    expect(
      await refusal(
        addSeniority(database.db, xezer, {
          reportId,
          fin: fins[0]!,
          entryId: entry!.id,
          fromDate: '2025-06-30',
          toDate: '2025-07-10',
        }),
      ),
    ).toMatchObject({ code: 'SENIORITY_DATES_OUTSIDE_QUARTER', field: 'fromDate' });
    expect(
      await refusal(
        addSeniority(database.db, xezer, {
          reportId,
          fin: fins[0]!,
          entryId: entry!.id,
          fromDate: '2025-09-10',
          toDate: '2025-09-01',
        }),
      ),
    ).toMatchObject({ code: 'SENIORITY_DATES_OUTSIDE_QUARTER' });
    const byDays = await addSeniority(database.db, xezer, {
      reportId,
      fin: fins[0]!,
      entryId: entry!.id,
      days: 92,
    });
    await addSeniority(database.db, xezer, {
      reportId,
      fin: fins[1]!.toLowerCase(),
      entryId: entry!.id,
      fromDate: '2025-07-01',
      toDate: '2025-09-30',
    });
    const listed = await listSeniority(database.db, xezer, { reportId });
    expect(listed).toHaveLength(2);
    expect(listed.find((r) => r.fin === fins[1])).toMatchObject({
      days: null,
      fromDate: '2025-07-01',
      toDate: '2025-09-30',
      positionCode: entry!.positionCode,
    });
    expect(
      (await refusal(deleteSeniority(database.db, kur, { reportId, id: byDays.id }))).code,
    ).toBe('NOT_FOUND');
    await deleteSeniority(database.db, xezer, { reportId, id: byDays.id });
    expect(await listSeniority(database.db, xezer, { reportId })).toHaveLength(1);
  });

  it('signatories (F25): found by FIN and document type, a clear code when not', async () => {
    const accountant = demoIdentity('xezer-accountant');
    const found = await findSignatory(database.db, xezer, {
      fin: accountant.fin.toLowerCase(),
      documentType: 'DIN',
    });
    expect(found).toMatchObject({
      fin: accountant.fin,
      surname: accountant.surname,
      documentType: 'DIN',
    });
    expect(
      await refusal(
        findSignatory(database.db, xezer, { fin: accountant.fin, documentType: 'MIQRASIYA' }),
      ),
    ).toMatchObject({ code: 'SIGNATORY_NOT_FOUND', field: 'fin' });
    expect(
      await refusal(findSignatory(database.db, xezer, { fin: 'OOOOOOO', documentType: 'DIN' })),
    ).toMatchObject({ code: 'FIN_FORMAT' });
    expect(
      await refusal(
        findSignatory(database.db, xezer, { fin: accountant.fin, documentType: 'PASSPORT' }),
      ),
    ).toMatchObject({ code: 'DOCUMENT_TYPE' });
    const [permit] = await database.db
      .select()
      .from(registryPersons)
      .where(eq(registryPersons.documentType, 'MIQRASIYA'))
      .limit(1);
    expect(
      await findSignatory(database.db, xezer, { fin: permit!.fin, documentType: 'MIQRASIYA' }),
    ).toMatchObject({ fin: permit!.fin });
    expect(
      await refusal(
        saveSignatory(database.db, xezer, {
          reportId,
          role: 'BOSS',
          fin: accountant.fin,
          documentType: 'DIN',
        }),
      ),
    ).toMatchObject({ code: 'SIGNATORY_ROLE' });
    expect(
      (
        await refusal(
          saveSignatory(database.db, kur, {
            reportId,
            role: 'RESPONSIBLE',
            fin: accountant.fin,
            documentType: 'DIN',
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('check answers: blocking errors listed, warnings need reasons, ready refused then allowed', async () => {
    // The direct F7/F8 writes above stand in for the step use cases, which clear the distribution.
    await database.db.update(reports).set({ distributedAt: null }).where(eq(reports.id, reportId));
    const before = await getReportReview(database.db, xezer, { reportId });
    const blocking = before.messages
      .filter((m) => m.severity === 'blocking')
      .map((m) => `${m.code}@${m.step}${m.month ? `:${m.month}` : ''}`);
    expect(blocking.sort()).toEqual(
      [
        ...MONTHS.map((m) => `HEADCOUNT_MISSING@F18:${m}`),
        'NOT_DISTRIBUTED@F22',
        'SIGNATORY_MISSING_CHIEF_ACCOUNTANT@F25',
        'SIGNATORY_MISSING_RESPONSIBLE@F25',
      ].sort(),
    );
    expect(before.messages.find((m) => m.code === 'HEADCOUNT_MISSING')!.text.en).toBe(
      'July 2025: the headcount has not been given',
    );
    const warnings = before.messages.filter((m) => m.severity === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'RECONCILIATION_NON_LIABLE_INCOME',
      step: 'F8',
      month: '2025-08',
      confirmation: null,
    });
    expect(before.months[1]).toMatchObject({
      labourPaymentsQepik: 3000 * AZN,
      nonLiableQepik: 500 * AZN,
      employeeQepik: 3 * 8_600,
      employerQepik: 3 * 16_400,
    });
    // debt_end = debt_start + MDSS (3 months × 3 persons × 250 AZN) + the penalty as of today
    // on every overdue month of the code (the carried debt too), nothing paid yet.
    const penalty = before.lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0;
    expect(penalty).toBe(before.figures.penalty.totalQepik);
    expect(penalty).toBeGreaterThan(0);
    expect(before.balance.debtEndQepik).toBe(before.debtStartQepik + 9 * 25_000 + penalty);
    expect((await refusal(markReportReady(database.db, xezer, { reportId }))).code).toBe(
      'REPORT_HAS_BLOCKING_ERRORS',
    );

    for (const month of MONTHS)
      await setReportMonth(database.db, reportId, month, {
        headcount: month === '2025-09' ? 4 : 3,
      });
    await saveSignatory(database.db, xezer, {
      reportId,
      role: 'RESPONSIBLE',
      fin: demoIdentity('xezer-director').fin,
      documentType: 'DIN',
    });
    await saveSignatory(database.db, xezer, {
      reportId,
      role: 'CHIEF_ACCOUNTANT',
      fin: demoIdentity('xezer-accountant').fin,
      documentType: 'DIN',
    });
    await distributeReport(database.db, xezer, { reportId });
    const headcount = await getReportReview(database.db, xezer, { reportId });
    expect(
      headcount.messages
        .filter((m) => m.severity === 'blocking')
        .map((m) => [m.code, m.step, m.month]),
    ).toEqual([['HEADCOUNT_MISMATCH', 'F21', '2025-09']]);
    await setReportMonth(database.db, reportId, '2025-09', { headcount: 3 });

    expect((await refusal(markReportReady(database.db, xezer, { reportId }))).code).toBe(
      'WARNINGS_UNCONFIRMED',
    );
    const key = warnings[0]!.key!;
    expect(
      await refusal(
        confirmWarnings(database.db, xezer, { reportId, confirmations: [{ key, reason: '   ' }] }),
      ),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(
      await refusal(
        confirmWarnings(database.db, xezer, {
          reportId,
          confirmations: [{ key: 'RECONCILIATION_UNDISTRIBUTED:2025-07', reason: 'x' }],
        }),
      ),
    ).toMatchObject({ code: 'WARNING_UNKNOWN' });
    await confirmWarnings(database.db, xezer, {
      reportId,
      confirmations: [{ key, reason: 'Bayram hədiyyəsi, haqqa cəlb olunmur' }],
    });
    const confirmed = await getReportReview(database.db, xezer, { reportId });
    expect(confirmed.unconfirmedWarningCount).toBe(0);
    expect(confirmed.messages.find((m) => m.key === key)!.confirmation!.reason).toBe(
      'Bayram hədiyyəsi, haqqa cəlb olunmur',
    );

    const { readyAt } = await markReportReady(database.db, xezer, { reportId });
    const [row] = await database.db
      .select({ readyAt: reports.readyAt })
      .from(reports)
      .where(eq(reports.id, reportId));
    expect(row!.readyAt?.getTime()).toBe(readyAt.getTime());

    // Any change to persons clears "ready" and the distribution; the check must be run again.
    await updateReportPerson(database.db, xezer, {
      reportId,
      fin: fins[0]!,
      incomesQepik: [1000 * AZN, 1000 * AZN, 1000 * AZN],
    });
    const [after] = await database.db
      .select({ readyAt: reports.readyAt, distributedAt: reports.distributedAt })
      .from(reports)
      .where(and(eq(reports.id, reportId)));
    expect(after).toEqual({ readyAt: null, distributedAt: null });
  });

  it('answers NOT_FOUND to another employer (access matrix)', async () => {
    const calls: (() => Promise<unknown>)[] = [
      () => distributeReport(database.db, kur, { reportId }),
      () => getDistributionWarnings(database.db, kur, { reportId }),
      () => getReportReview(database.db, kur, { reportId }),
      () => confirmWarnings(database.db, kur, { reportId, confirmations: [] }),
      () => markReportReady(database.db, kur, { reportId }),
      () => listSeniority(database.db, kur, { reportId }),
      () => addSeniority(database.db, kur, { reportId, fin: fins[0]!, entryId: 1, days: 1 }),
    ];
    for (const call of calls) expect((await refusal(call())).code).toBe('NOT_FOUND');
  });
});
