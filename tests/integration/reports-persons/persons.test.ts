import { and, eq, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employments, registryPersons, reports } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { EmployerScope } from '@/lib/server/access';
import { AppError } from '@/lib/server/errors';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { deleteReportPerson } from '@/lib/server/reports/persons/delete-report-person';
import { getReportPerson } from '@/lib/server/reports/persons/get-report-person';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { prefillPersonsFromRoster } from '@/lib/server/reports/persons/prefill-persons-from-roster';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { errorMessage } from '@/lib/server/error-messages';

async function refusal(promise: Promise<unknown>): Promise<AppError | AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError || error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('report persons (F20, F21)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  let freeFins: { fin: string; surname: string; name: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
    kur = await reportsScope(database.db, 'kur', 'kur-director');
    freeFins = await database.db
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
      .limit(5);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds by FIN with the registry name, edits, shows the detail with MDSS, deletes', async () => {
    const reportId = await insertDraftReport(database.db);
    const person = freeFins[0]!;
    const added = await addReportPerson(database.db, xezer, {
      reportId,
      fin: ` ${person.fin.toLowerCase()} `,
      incomesQepik: [100_000, 100_000, null],
    });
    expect(added).toMatchObject({ fin: person.fin, surname: person.surname, name: person.name });

    await updateReportPerson(database.db, xezer, {
      reportId,
      fin: person.fin,
      incomesQepik: [100_000, 15_000, 900_000],
    });
    const detail = await getReportPerson(database.db, xezer, { reportId, fin: person.fin });
    // DOMAIN.md §2 vectors, non-state 2019–25 (62.01 is NON_OIL_NON_STATE).
    expect(detail.months).toEqual([
      { month: '2025-07', incomeQepik: 100_000, employeeQepik: 8_600, employerQepik: 16_400 },
      { month: '2025-08', incomeQepik: 15_000, employeeQepik: 450, employerQepik: 3_300 },
      { month: '2025-09', incomeQepik: 900_000, employeeQepik: 88_600, employerQepik: 136_400 },
    ]);
    expect(detail.totalIncomeQepik).toBe(1_015_000);

    await deleteReportPerson(database.db, xezer, { reportId, fin: person.fin });
    expect(
      (await refusal(getReportPerson(database.db, xezer, { reportId, fin: person.fin }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await refusal(deleteReportPerson(database.db, xezer, { reportId, fin: person.fin }))).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses a bad FIN, an unknown FIN, a duplicate and bad amounts at their fields', async () => {
    const reportId = await insertDraftReport(database.db, { activityCode: '47.41' });
    const fin = freeFins[1]!.fin;
    const bad = await refusal(
      addReportPerson(database.db, xezer, { reportId, fin: 'ABC!', incomesQepik: [1, 1, 1] }),
    );
    expect(bad).toMatchObject({ code: 'FIN_FORMAT', field: 'fin' });
    expect(errorMessage('FIN_FORMAT', {}, 'en')).toMatch(/FIN must be exactly 7 letters or digits/);
    const unknown = await refusal(
      addReportPerson(database.db, xezer, { reportId, fin: 'ZZZZZZ9', incomesQepik: [1, 1, 1] }),
    );
    expect(unknown).toMatchObject({ code: 'PERSON_NOT_FOUND', field: 'fin' });
    const negative = await refusal(
      addReportPerson(database.db, xezer, { reportId, fin, incomesQepik: [1, -5, 1] }),
    );
    expect(negative).toMatchObject({ code: 'AMOUNT_INVALID', field: 'incomes.1' });
    const fraction = await refusal(
      addReportPerson(database.db, xezer, { reportId, fin, incomesQepik: [1.5, 1, 1] }),
    );
    expect(fraction).toMatchObject({ code: 'AMOUNT_INVALID', field: 'incomes.0' });
    const short = await refusal(
      addReportPerson(database.db, xezer, { reportId, fin, incomesQepik: [1, 1] }),
    );
    expect(short).toMatchObject({ code: 'INCOMES_COUNT' });

    await addReportPerson(database.db, xezer, {
      reportId,
      fin,
      incomesQepik: [50_000, 50_000, 50_000],
    });
    const duplicate = await refusal(
      addReportPerson(database.db, xezer, { reportId, fin, incomesQepik: [1, 1, 1] }),
    );
    expect(duplicate).toMatchObject({ code: 'PERSON_DUPLICATE', field: 'fin' });
    expect(errorMessage('PERSON_DUPLICATE', {}, 'az')).toBe('Bu FİN artıq hesabatdadır');
    // Two concurrent adds of one FIN: exactly one wins, the other is a clean duplicate refusal.
    const other = freeFins[2]!.fin;
    const results = await Promise.allSettled([
      addReportPerson(database.db, xezer, { reportId, fin: other, incomesQepik: [1, 1, 1] }),
      addReportPerson(database.db, xezer, { reportId, fin: other, incomesQepik: [2, 2, 2] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'PERSON_DUPLICATE' });
  });

  it('refuses changes to a report that is not a draft', async () => {
    const reportId = await insertDraftReport(database.db, { quarter: 2 });
    await database.db.update(reports).set({ status: 'SENT' }).where(eq(reports.id, reportId));
    const refused = await refusal(
      addReportPerson(database.db, xezer, {
        reportId,
        fin: freeFins[3]!.fin,
        incomesQepik: [1, 1, 1],
      }),
    );
    expect(refused.code).toBe('REPORT_NOT_DRAFT');
    expect((await refusal(prefillPersonsFromRoster(database.db, xezer, { reportId }))).code).toBe(
      'REPORT_NOT_DRAFT',
    );
  });

  it('prefills the 3,000-person Kür roster once, then pages, filters and totals over the whole report', async () => {
    const reportId = await insertDraftReport(database.db, {
      employerKey: 'kur',
      activityCode: '41.20',
    });
    const started = performance.now();
    const first = await prefillPersonsFromRoster(database.db, kur, { reportId });
    const prefillMs = performance.now() - started;
    expect(first).toEqual({ rosterCount: 3000, added: 3000, skipped: 0 });
    expect(await prefillPersonsFromRoster(database.db, kur, { reportId })).toEqual({
      rosterCount: 3000,
      added: 0,
      skipped: 3000,
    });

    const [roster] = await database.db
      .select({ wages: sql<number>`sum(${employments.monthlyWageQepik})`.mapWith(Number) })
      .from(employments)
      .where(
        and(
          eq(employments.employerId, seedEmployer('kur').id),
          eq(employments.activityCode, '41.20'),
        ),
      );
    const listed = performance.now();
    const page = await listReportPersons(database.db, kur, { reportId, page: 2, pageSize: 100 });
    const listMs = performance.now() - listed;
    expect(page.total).toBe(3000);
    expect(page.persons).toBe(3000);
    expect(page.rows).toHaveLength(100);
    expect(page.months.map((m) => m.incomeQepik)).toEqual([
      roster!.wages,
      roster!.wages,
      roster!.wages,
    ]);
    expect(page.months.map((m) => m.persons)).toEqual([3000, 3000, 3000]);
    const sorted = [...page.rows].sort(
      (a, b) =>
        a.surname.localeCompare(b.surname) ||
        a.name.localeCompare(b.name) ||
        (a.fin < b.fin ? -1 : 1),
    );
    expect(page.rows.map((r) => r.surname)).toEqual(sorted.map((r) => r.surname));
    console.log(
      `prefill 3,000: ${prefillMs.toFixed(0)} ms; list page + totals: ${listMs.toFixed(0)} ms (${database.label})`,
    );

    const pageSizeCapped = await listReportPersons(database.db, kur, {
      reportId,
      pageSize: 10_000,
    });
    expect(pageSizeCapped.pageSize).toBe(200);
    expect(pageSizeCapped.rows).toHaveLength(200);

    const someone = page.rows[7]!;
    const byFin = await listReportPersons(database.db, kur, {
      reportId,
      fin: someone.fin.slice(0, 7).toLowerCase(),
    });
    expect(byFin.rows.map((r) => r.fin)).toEqual([someone.fin]);
    expect(byFin.total).toBe(1);
    // Totals stay those of the whole report whatever the filter.
    expect(byFin.months[0]!.incomeQepik).toBe(roster!.wages);

    const byName = await listReportPersons(database.db, kur, {
      reportId,
      name: someone.surname.toUpperCase(),
      pageSize: 200,
    });
    expect(byName.total).toBeGreaterThan(0);
    expect(
      byName.rows.every(
        (r) =>
          r.surname.toUpperCase().includes(someone.surname.toUpperCase()) ||
          r.name.toUpperCase().includes(someone.surname.toUpperCase()),
      ),
    ).toBe(true);
    const nothing = await listReportPersons(database.db, kur, { reportId, name: '%_' });
    expect(nothing.total).toBe(0);
    const beyond = await listReportPersons(database.db, kur, { reportId, page: 99, pageSize: 200 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(3000);
  });

  it('answers NOT_FOUND for another employer’s report and a made-up id (access matrix)', async () => {
    const reportId = await insertDraftReport(database.db, { quarter: 1 });
    const fin = freeFins[4]!.fin;
    await addReportPerson(database.db, xezer, { reportId, fin, incomesQepik: [1, 1, 1] });
    const calls: (() => Promise<unknown>)[] = [
      () =>
        addReportPerson(database.db, kur, {
          reportId,
          fin: freeFins[0]!.fin,
          incomesQepik: [1, 1, 1],
        }),
      () => updateReportPerson(database.db, kur, { reportId, fin, incomesQepik: [2, 2, 2] }),
      () => deleteReportPerson(database.db, kur, { reportId, fin }),
      () => getReportPerson(database.db, kur, { reportId, fin }),
      () => listReportPersons(database.db, kur, { reportId }),
      () => prefillPersonsFromRoster(database.db, kur, { reportId }),
      () => listReportPersons(database.db, xezer, { reportId: 'not-a-uuid' }),
    ];
    for (const call of calls) expect((await refusal(call())).code).toBe('NOT_FOUND');
    expect((await listReportPersons(database.db, xezer, { reportId })).total).toBe(1);
  });
});
