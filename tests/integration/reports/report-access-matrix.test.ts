import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEmployer } from '@/db/seed/employers';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { AppError } from '@/lib/server/errors';
import { addAllReportPayments } from '@/lib/server/reports/add-all-report-payments';
import { addNonLiableIncome } from '@/lib/server/reports/add-non-liable-income';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { computePenalty } from '@/lib/server/reports/compute-penalty';
import { getReportFigures } from '@/lib/server/reports/figures/get-report-figures';
import { createReport } from '@/lib/server/reports/create-report';
import { deleteNonLiableIncome } from '@/lib/server/reports/delete-non-liable-income';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { getReport } from '@/lib/server/reports/get-report';
import { getSanctions } from '@/lib/server/reports/get-sanctions';
import { listUnallocatedPayments } from '@/lib/server/reports/list-unallocated-payments';
import { markStepSeen } from '@/lib/server/reports/mark-step-seen';
import { removeReportPayment } from '@/lib/server/reports/remove-report-payment';
import { saveHeadcount } from '@/lib/server/reports/save-headcount';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import { updateNonLiableIncome } from '@/lib/server/reports/update-non-liable-income';
import { demoActor } from '../helpers/identity-fixtures';
import type { TestDatabase } from '../helpers/test-database';
import { AS_OF, expectRefusal, insertPayment, scopeOf, seededDatabase } from './report-fixtures';

describe('report use cases: access matrix', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  let reportId: string;
  let incomeId: string;
  let paymentId: string;
  let reasonCode: string;

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
    kur = await scopeOf(database.db, 'kur');
    ({ reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '62.01' },
      AS_OF,
    ));
    reasonCode = (await database.db.query.nonLiableIncomeReasons.findFirst())!.code;
    ({ id: incomeId } = await addNonLiableIncome(
      database.db,
      xezer,
      { reportId, reasonCode, month: '2025-08', amountQepik: 100 },
      AS_OF,
    ));
    paymentId = await insertPayment(database.db, { amountQepik: 1_000, paymentDate: '2025-08-10' });
    await addReportPayment(database.db, xezer, { reportId, paymentId, amountQepik: 100 }, AS_OF);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Every use case taking a report id, called with `scope`. */
  const calls = (scope: () => EmployerScope, id: () => string) => {
    const db = () => database.db;
    return {
      getReport: () => getReport(db(), scope(), id()),
      getDraftSummary: () => getDraftSummary(db(), scope(), id()),
      listUnallocatedPayments: () => listUnallocatedPayments(db(), scope(), { reportId: id() }),
      addReportPayment: () => addReportPayment(db(), scope(), { reportId: id(), paymentId }, AS_OF),
      addAllReportPayments: () => addAllReportPayments(db(), scope(), { reportId: id() }, AS_OF),
      removeReportPayment: () =>
        removeReportPayment(db(), scope(), { reportId: id(), paymentId }, AS_OF),
      saveLabourPayments: () =>
        saveLabourPayments(
          db(),
          scope(),
          { reportId: id(), months: [{ month: '2025-07', labourPaymentsQepik: 1 }] },
          AS_OF,
        ),
      addNonLiableIncome: () =>
        addNonLiableIncome(
          db(),
          scope(),
          { reportId: id(), reasonCode, month: '2025-07', amountQepik: 1 },
          AS_OF,
        ),
      updateNonLiableIncome: () =>
        updateNonLiableIncome(
          db(),
          scope(),
          { reportId: id(), incomeId, reasonCode, month: '2025-07', amountQepik: 1 },
          AS_OF,
        ),
      deleteNonLiableIncome: () =>
        deleteNonLiableIncome(db(), scope(), { reportId: id(), incomeId }, AS_OF),
      saveHeadcount: () =>
        saveHeadcount(
          db(),
          scope(),
          { reportId: id(), months: [{ month: '2025-07', headcount: 1 }] },
          AS_OF,
        ),
      saveReportLines: () =>
        saveReportLines(
          db(),
          scope(),
          { reportId: id(), step: 'F13', accruedQepik: 1, paidQepik: 0 },
          AS_OF,
        ),
      computePenalty: () => computePenalty(db(), scope(), { reportId: id() }, AS_OF),
      getSanctions: () => getSanctions(db(), scope(), { reportId: id() }),
      getReportFigures: () => getReportFigures(db(), scope(), { reportId: id() }),
      markStepSeen: () => markStepSeen(db(), scope(), { reportId: id(), step: 'F4' }, AS_OF),
    };
  };

  const kurOnXezer = calls(
    () => kur,
    () => reportId,
  );
  for (const [name, call] of Object.entries(kurOnXezer)) {
    it(`${name}: another employer's report id answers NOT_FOUND`, async () => {
      await expectRefusal(call(), 'NOT_FOUND');
    });
  }

  const malformed = calls(
    () => xezer,
    () => 'not-a-uuid',
  );
  for (const [name, call] of Object.entries(malformed)) {
    it(`${name}: a malformed or unknown id answers NOT_FOUND`, async () => {
      await expectRefusal(call(), 'NOT_FOUND');
    });
  }

  it('changed nothing of the report through the refused calls', async () => {
    const view = await getReport(database.db, xezer, reportId);
    expect(view.version).toBe(3);
    expect(view.nonLiableIncomes).toHaveLength(1);
    expect(view.paymentsUsedQepik).toBe(100);
  });

  it('refuses a scope of another service (a wiring mistake) with FORBIDDEN', async () => {
    const access = await resolveEmployerAccess(
      database.db,
      demoActor('xezer-director'),
      seedEmployer('xezer').id,
      'AUTHORITIES',
      AS_OF,
    );
    if (!access.ok) throw new Error(access.reason);
    const error = await getReport(database.db, access.scope, reportId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORBIDDEN');
  });

  it('offers another employer no activity code of this one', async () => {
    await expectRefusal(
      createReport(
        database.db,
        kur,
        { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '62.01' },
        AS_OF,
      ),
      'ACTIVITY_CODE_NOT_REGISTERED',
    );
  });
});
