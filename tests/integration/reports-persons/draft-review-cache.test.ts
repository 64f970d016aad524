import { count, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employments, ledgerEntries, registryPersons, reportReviewCache } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { EmployerScope } from '@/lib/server/access';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { loadReportContext } from '@/lib/server/reports/persons/report-context';
import {
  buildReportReview,
  buildReportReviewTotals,
} from '@/lib/server/reports/review/build-report-review';
import { loadDraftReview } from '@/lib/server/reports/review/draft-review';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Issue 15 §3: the check figures are computed once per draft version and kept in the database;
// a change of the draft, or of the ledger behind it, makes the next read compute them afresh,
// and what is kept is exactly what lib/domain's engine computes now.

describe('the check figures kept per draft version', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The kept figures, and the engine's figures computed afresh from the same draft. */
  async function keptAndFresh(reportId: string) {
    const context = await loadReportContext(database.db, xezer, reportId);
    const kept = await loadDraftReview(database.db, context);
    const fresh = await buildReportReview(database.db, context);
    // What is kept is computed from the persons' totals: the same review as over every person.
    const fromTotals = await buildReportReviewTotals(database.db, context);
    const { figures: totalsFigures, ...totalsReview } = fromTotals;
    const { figures: freshFigures, ...freshReview } = fresh;
    expect(totalsReview).toEqual(freshReview);
    const {
      contributions: _contributions,
      persons: _persons,
      personsUnderCheck: _under,
      posting: { persons: _postingPersons, ...freshPosting },
      ...freshRest
    } = freshFigures;
    const { personsUnderCheck: _counted, ...totalsRest } = totalsFigures;
    expect(totalsRest).toEqual({ ...freshRest, posting: freshPosting });
    return { kept, fresh };
  }

  const cacheRows = async (reportId: string) => {
    const [row] = await database.db
      .select({ n: count() })
      .from(reportReviewCache)
      .where(eq(reportReviewCache.reportId, reportId));
    return row?.n ?? 0;
  };

  it('follows every change of the draft and of the ledger, and equals a fresh computation', async () => {
    const reportId = await insertDraftReport(database.db, { labourPaymentsQepik: [0, 0, 0] });
    const first = await keptAndFresh(reportId);
    expect(await cacheRows(reportId)).toBe(1);
    expect(first.kept.messages).toEqual(first.fresh.messages);
    expect(first.kept.figures.balance).toEqual(first.fresh.figures.balance);

    // A change of the draft through its change path: a person and labour payments.
    const [person] = await database.db
      .select({ fin: registryPersons.fin })
      .from(registryPersons)
      .where(
        notInArray(
          registryPersons.fin,
          database.db.select({ fin: employments.fin }).from(employments),
        ),
      )
      .orderBy(registryPersons.fin)
      .limit(1);
    await addReportPerson(database.db, xezer, {
      reportId,
      fin: person!.fin,
      incomesQepik: [100_000, 100_000, 100_000],
    });
    const withPerson = await keptAndFresh(reportId);
    expect(withPerson.kept.persons).toBe(1);
    expect(withPerson.kept.figures.months).toEqual(withPerson.fresh.figures.months);
    expect(withPerson.kept.figures.months[0]?.employerQepik).toBeGreaterThan(0);
    expect(withPerson.kept.warnings.map((w) => w.key)).toEqual(
      withPerson.fresh.figures.warnings.map((w) => `${w.code}:${w.month}`),
    );
    expect(withPerson.kept.warnings.length).toBeGreaterThan(0);

    await saveLabourPayments(database.db, xezer, {
      reportId,
      months: withPerson.kept.figures.months.map((m) => ({
        month: m.month,
        labourPaymentsQepik: 100_000,
      })),
    });
    const reconciled = await keptAndFresh(reportId);
    expect(reconciled.kept.warnings).toEqual([]);
    expect(reconciled.kept.messages).toEqual(reconciled.fresh.messages);

    // The ledger moves without the draft changing (a fund accrual before the quarter, so F4
    // grows): kept figures older than it are not shown.
    const before = reconciled.kept.debtStartQepik;
    await database.db.insert(ledgerEntries).values({
      employerId: seedEmployer('xezer').id,
      activityCode: '62.01',
      entryDate: '2025-05-15',
      kind: 'OTHER_ACCRUAL',
      amountQepik: 12_345,
      target: 'OTHER',
      createdBy: 'test',
    });
    const afterLedger = await keptAndFresh(reportId);
    expect(afterLedger.kept.debtStartQepik).toBe(before + 12_345);
    expect(afterLedger.kept.figures.balance).toEqual(afterLedger.fresh.figures.balance);
    expect(await cacheRows(reportId)).toBe(1);
  });
});
