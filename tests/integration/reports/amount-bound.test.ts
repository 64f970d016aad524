import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryPersons, reportPersons } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { MAX_AMOUNT_QEPIK } from '@/lib/domain';
import type { EmployerScope } from '@/lib/server/access';
import { addNonLiableIncome } from '@/lib/server/reports/add-non-liable-income';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { getReportFigures } from '@/lib/server/reports/figures/get-report-figures';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { findOverBoundAmounts } from '@/lib/server/reports/find-over-bound-amounts';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { getReportReview } from '@/lib/server/reports/review/get-report-review';
import { markReportReady } from '@/lib/server/reports/review/mark-report-ready';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { AppError } from '@/lib/server/errors';
import { errorMessage } from '@/lib/server/error-messages';

// Issue 10 §5: one bound for an entered amount in every use case, and a draft that holds bigger
// amounts (written before the bound existed) is blocked at its places, never a failed page.

async function refusal(promise: Promise<unknown>): Promise<AppError | AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError || error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const OVER = MAX_AMOUNT_QEPIK + 1;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const LIMIT_AZ = 'Məbləğ 1 000 000 000,00 ₼-dan çox ola bilməz';
const TOO_LARGE_AZ = 'Hesablama aparıla bilmədi: məbləğ çox böyükdür';

describe('the bound of one amount in the use cases (issue 10 §5)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let fins: string[];
  const employerId = seedEmployer('xezer').id;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
    fins = (
      await database.db
        .select({ fin: registryPersons.fin })
        .from(registryPersons)
        .orderBy(registryPersons.fin)
        .limit(6)
    ).map((r) => r.fin);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Persons written straight to the table, as a draft from before the bound could hold them. */
  async function insertPersons(reportId: string, incomes: (number | null)[][]) {
    await database.db.insert(reportPersons).values(
      incomes.map(([m1, m2, m3], i) => ({
        reportId,
        employerId,
        fin: fins[i]!,
        surname: 'Soyad',
        name: 'Ad',
        patronymic: '',
        incomeM1Qepik: m1 ?? null,
        incomeM2Qepik: m2 ?? null,
        incomeM3Qepik: m3 ?? null,
      })),
    );
  }

  it('every entering use case takes the bound and refuses one qəpik more at its field, saying the limit', async () => {
    const reportId = await insertDraftReport(database.db, { year: 2024, quarter: 1 });
    await saveLabourPayments(database.db, xezer, {
      reportId,
      months: [{ month: '2024-01', labourPaymentsQepik: MAX_AMOUNT_QEPIK }],
    });
    const refusals = [
      await refusal(
        saveLabourPayments(database.db, xezer, {
          reportId,
          months: [{ month: '2024-02', labourPaymentsQepik: OVER }],
        }),
      ),
      await refusal(
        addNonLiableIncome(database.db, xezer, {
          reportId,
          reasonCode: 'GIFTS_AID',
          month: '2024-02',
          amountQepik: OVER,
        }),
      ),
      await refusal(
        saveReportLines(database.db, xezer, {
          reportId,
          step: 'F13',
          accruedQepik: OVER,
          paidQepik: 0,
        }),
      ),
      await refusal(
        saveReportLines(database.db, xezer, {
          reportId,
          step: 'F16',
          accruedQepik: 0,
          paidQepik: OVER,
        }),
      ),
      await refusal(
        addReportPayment(database.db, xezer, {
          reportId,
          paymentId: '00000000-0000-4000-8000-000000000000',
          amountQepik: OVER,
        }),
      ),
      await refusal(
        addReportPerson(database.db, xezer, {
          reportId,
          fin: fins[0]!,
          incomesQepik: [OVER, null, null],
        }),
      ),
    ];
    expect(refusals.map((r) => [r.code, r.field])).toEqual([
      ['AMOUNT_TOO_LARGE', 'labourPayments.2024-02'],
      ['AMOUNT_TOO_LARGE', 'amount'],
      ['AMOUNT_TOO_LARGE', 'accrued'],
      ['AMOUNT_TOO_LARGE', 'paid'],
      ['AMOUNT_TOO_LARGE', 'amount'],
      ['AMOUNT_TOO_LARGE', 'incomes.0'],
    ]);
    for (const r of refusals) {
      expect(r.params).toEqual({ maxQepik: MAX_AMOUNT_QEPIK });
      const text = errorMessage(r.code, r.params, 'az');
      expect(text).toBe(LIMIT_AZ);
    }

    await addReportPerson(database.db, xezer, {
      reportId,
      fin: fins[0]!,
      incomesQepik: [MAX_AMOUNT_QEPIK, null, null],
    });
    const update = await refusal(
      updateReportPerson(database.db, xezer, {
        reportId,
        fin: fins[0]!,
        incomesQepik: [null, MAX_SAFE, null],
      }),
    );
    expect([update.code, update.field]).toEqual(['AMOUNT_TOO_LARGE', 'incomes.1']);
    const list = await listReportPersons(database.db, xezer, { reportId });
    expect(list.rows.map((r) => r.incomesQepik)).toEqual([[MAX_AMOUNT_QEPIK, null, null]]);
    expect(
      await findOverBoundAmounts(database.db, { id: reportId, employerId, year: 2024, quarter: 1 }),
    ).toEqual([]);
  });

  it('a draft from before the bound (90 071 992 547 409,91 ₼ a month) is blocked at each place, with exact totals', async () => {
    const reportId = await insertDraftReport(database.db, {
      year: 2024,
      quarter: 3,
      labourPaymentsQepik: [MAX_SAFE, MAX_SAFE, MAX_SAFE],
      headcount: [3, 3, 3],
    });
    // Each month's persons add up to exactly 2^53 − 1; the quarter's do not fit a number.
    const third = [3_002_399_751_580_330, 3_002_399_751_580_330, 3_002_399_751_580_331];
    await insertPersons(reportId, [
      [third[0]!, third[0]!, third[0]!],
      [third[1]!, third[1]!, third[1]!],
      [third[2]!, third[2]!, third[2]!],
    ]);
    const found = await findOverBoundAmounts(database.db, {
      id: reportId,
      employerId,
      year: 2024,
      quarter: 3,
    });
    expect(found.map((r) => [r.severity, r.code, r.step, r.month, r.fin ?? null])).toEqual([
      ...['2024-07', '2024-08', '2024-09'].map((m) => [
        'blocking',
        'AMOUNT_TOO_LARGE',
        'F7',
        m,
        null,
      ]),
      ...fins
        .slice(0, 3)
        .flatMap((fin) =>
          ['2024-07', '2024-08', '2024-09'].map((m) => [
            'blocking',
            'AMOUNT_TOO_LARGE',
            'F20',
            m,
            fin,
          ]),
        ),
    ]);

    const list = await listReportPersons(database.db, xezer, { reportId });
    expect(list.months.map((m) => m.incomeQepik)).toEqual([MAX_SAFE, MAX_SAFE, MAX_SAFE]);
    // 3 × (2^53 − 1) summed as numbers came out 2 qəpik wrong; now it is shown as unknown.
    expect(list.quarterIncomeQepik).toBeNull();

    // Its MDSS and penalty together pass 2^53: the check page cannot compute a balance, says so
    // in words (the step pages list the twelve places above it), and nothing can be marked ready.
    const review = await refusal(getReportReview(database.db, xezer, { reportId }));
    expect(review.code).toBe('CALCULATION_FAILED');
    expect(review.params).toMatchObject({ reason: 'AMOUNT_TOO_LARGE' });
    const ready = await refusal(markReportReady(database.db, xezer, { reportId }));
    expect(ready.code).toBe('CALCULATION_FAILED');
  });

  it('a total past 2^53 is a refusal in words, never a rounded figure', async () => {
    const reportId = await insertDraftReport(database.db, {
      year: 2024,
      quarter: 4,
      labourPaymentsQepik: [MAX_SAFE, 0, 0],
      headcount: [3, 0, 0],
    });
    await insertPersons(reportId, [
      [3_002_399_751_580_331, null, null],
      [3_002_399_751_580_331, null, null],
      [3_002_399_751_580_331, null, null],
    ]);
    const failures = [
      await refusal(getReportFigures(database.db, xezer, { reportId })),
      await refusal(getReportReview(database.db, xezer, { reportId })),
      await refusal(distributeReport(database.db, xezer, { reportId })),
    ];
    for (const f of failures) {
      expect(f.code).toBe('CALCULATION_FAILED');
      expect(f.params).toMatchObject({ reason: 'TOTAL_TOO_LARGE' });
      const text = errorMessage(f.code, f.params, 'az');
      expect(text).toBe(TOO_LARGE_AZ);
    }
    const list = await listReportPersons(database.db, xezer, { reportId });
    expect(list.months.map((m) => m.incomeQepik)).toEqual([null, 0, 0]);
    expect(list.quarterIncomeQepik).toBeNull();
  });
});
