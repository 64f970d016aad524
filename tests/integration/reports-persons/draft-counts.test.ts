import { randomUUID } from 'node:crypto';
import { and, count, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employments, registryPersons, reportPersons, reports } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { EmployerScope } from '@/lib/server/access';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { importPersons } from '@/lib/server/reports/import/import-persons';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { deleteReportPerson } from '@/lib/server/reports/persons/delete-report-person';
import { prefillPersonsFromRoster } from '@/lib/server/reports/persons/prefill-persons-from-roster';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { createCorrectiveReport } from '@/lib/server/submissions/create-corrective-report';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Issue 15 §2: a draft's person counts live on its row, kept by the one change path, so no
// wizard step counts report_persons. After every kind of change they must equal the rows.

describe('person counts kept on the draft', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let free: { fin: string; surname: string; name: string }[];

  /** The row's counts and the rows' aggregate, side by side. */
  async function counts(reportId: string) {
    const db = database.db;
    const [stored] = await db
      .select({
        n: reports.draftPersons,
        m1: reports.draftPersonsM1,
        m2: reports.draftPersonsM2,
        m3: reports.draftPersonsM3,
      })
      .from(reports)
      .where(eq(reports.id, reportId));
    const [aggregate] = await db
      .select({
        n: count(),
        m1: count(reportPersons.incomeM1Qepik),
        m2: count(reportPersons.incomeM2Qepik),
        m3: count(reportPersons.incomeM3Qepik),
      })
      .from(reportPersons)
      .where(eq(reportPersons.reportId, reportId));
    return { stored, aggregate };
  }

  async function expectKept(
    reportId: string,
    expected: { n: number; m1: number; m2: number; m3: number },
  ) {
    const { stored, aggregate } = await counts(reportId);
    expect(aggregate).toEqual(expected);
    expect(stored).toEqual(aggregate);
    // The step registry reads the row's figures.
    const summary = await getDraftSummary(database.db, xezer, reportId);
    expect(summary.personCount).toBe(expected.n);
    expect(summary.personsPerMonth).toEqual([expected.m1, expected.m2, expected.m3]);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
    free = await database.db
      .select({
        fin: registryPersons.fin,
        surname: registryPersons.surname,
        name: registryPersons.name,
      })
      .from(registryPersons)
      .where(
        notInArray(
          registryPersons.fin,
          database.db.select({ fin: employments.fin }).from(employments),
        ),
      )
      .orderBy(registryPersons.fin)
      .limit(6);
    expect(free).toHaveLength(6);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('add, edit (a month emptied and filled), delete, prefill and import keep them equal', async () => {
    const reportId = await insertDraftReport(database.db);
    await expectKept(reportId, { n: 0, m1: 0, m2: 0, m3: 0 });

    const [a, b, c, d, e] = free as [
      (typeof free)[0],
      (typeof free)[0],
      (typeof free)[0],
      (typeof free)[0],
      (typeof free)[0],
    ];
    await addReportPerson(database.db, xezer, {
      reportId,
      fin: a.fin,
      incomesQepik: [100_000, 100_000, null],
    });
    await addReportPerson(database.db, xezer, {
      reportId,
      fin: b.fin,
      incomesQepik: [null, 50_000, 50_000],
    });
    await expectKept(reportId, { n: 2, m1: 1, m2: 2, m3: 1 });

    await updateReportPerson(database.db, xezer, {
      reportId,
      fin: a.fin,
      incomesQepik: [null, null, 70_000],
    });
    await expectKept(reportId, { n: 2, m1: 0, m2: 1, m3: 2 });

    await deleteReportPerson(database.db, xezer, { reportId, fin: b.fin });
    await expectKept(reportId, { n: 1, m1: 0, m2: 0, m3: 1 });

    // The staff list: Xəzər's 12 employees, each with the months they were employed.
    const prefilled = await prefillPersonsFromRoster(database.db, xezer, { reportId });
    expect(prefilled.added).toBeGreaterThan(0);
    const afterPrefill = await counts(reportId);
    expect(afterPrefill.stored).toEqual(afterPrefill.aggregate);
    expect(afterPrefill.aggregate!.n).toBe(1 + prefilled.added);

    const rows = [c, d, e].map((p, i) => ({
      line: i + 2,
      fin: p.fin,
      surname: p.surname,
      name: p.name,
      incomes: i === 0 ? ['100', null, '100'] : ['100', '100', '100'],
    }));
    await importPersons(database.db, xezer, {
      reportId,
      mode: 'append',
      source: { kind: 'rows', rows },
    });
    const afterAppend = await counts(reportId);
    expect(afterAppend.stored).toEqual(afterAppend.aggregate);
    expect(afterAppend.aggregate!.n).toBe(afterPrefill.aggregate!.n + 3);

    await importPersons(database.db, xezer, {
      reportId,
      mode: 'replace',
      source: { kind: 'rows', rows },
    });
    await expectKept(reportId, { n: 3, m1: 3, m2: 2, m3: 3 });
  });

  it('a corrective report starts with the counts of the rows it copied', async () => {
    const employer = seedEmployer('xezer');
    const acceptedId = randomUUID();
    // An accepted report inserted as such (the sent-report guard checks updates, not inserts).
    await database.db.insert(reports).values({
      id: acceptedId,
      employerId: employer.id,
      activityCode: '47.41',
      year: 2024,
      quarter: 4,
      reportType: 'INITIAL',
      status: 'ACCEPTED',
      createdByFin: employer.responsibleFin,
    });
    await database.db.insert(reportPersons).values(
      free.slice(0, 4).map((p, i) => ({
        reportId: acceptedId,
        employerId: employer.id,
        fin: p.fin,
        surname: p.surname,
        name: p.name,
        patronymic: '',
        incomeM1Qepik: 10_000,
        incomeM2Qepik: i < 2 ? 10_000 : null,
        incomeM3Qepik: i < 1 ? 10_000 : null,
      })),
    );
    const { reportId } = await createCorrectiveReport(database.db, xezer, {
      reportId: acceptedId,
    });
    await expectKept(reportId, { n: 4, m1: 4, m2: 2, m3: 1 });
    // The change path goes on keeping them on the copy.
    await deleteReportPerson(database.db, xezer, { reportId, fin: free[0]!.fin });
    await expectKept(reportId, { n: 3, m1: 3, m2: 1, m3: 0 });
    const [row] = await database.db
      .select({ n: reports.draftPersons })
      .from(reports)
      .where(and(eq(reports.id, acceptedId), eq(reports.employerId, employer.id)));
    // The accepted report's own row is the record of what was filed: left as inserted.
    expect(row?.n).toBe(0);
  });
});
