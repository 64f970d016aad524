import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMonths, reportNonLiableIncomes, reportPersons, reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { handleUpsertReport, handleValidateReport } from '@/lib/server/api/handle-report-requests';
import type { ValidationResponse } from '@/lib/server/api/validate-report-payload';
import type { TestDatabase } from '../helpers/test-database';
import {
  apiRequest,
  AS_OF,
  type ErrorBody,
  KUR,
  registryFins,
  scopeOf,
  seededDatabase,
  tokenFor,
  workedExample,
  XEZER,
} from './api-fixtures';

type Upserted = { reportId: string; status: string; reviewUrl: string };

describe('payroll API reports (issue 5 §9)', () => {
  let database: TestDatabase;
  let xezerToken: string;
  let kurToken: string;
  let fins: string[];
  let others: string[];
  const validate = (token: string, body: unknown) =>
    handleValidateReport(database.db, apiRequest('/api/v1/reports/validate', token, body), {
      asOf: AS_OF,
    });
  const upsert = (token: string, body: unknown) =>
    handleUpsertReport(database.db, apiRequest('/api/v1/reports', token, body), { asOf: AS_OF });
  const personsOf = async (reportId: string) =>
    (
      await database.db
        .select()
        .from(reportPersons)
        .where(eq(reportPersons.reportId, reportId))
        .orderBy(asc(reportPersons.fin))
    ).map((p) => [p.fin, p.incomeM1Qepik, p.incomeM2Qepik, p.incomeM3Qepik]);

  beforeAll(async () => {
    database = await seededDatabase();
    const xezer: EmployerScope = await scopeOf(database.db, 'xezer', 'xezer-director');
    xezerToken = await tokenFor(database.db, xezer);
    kurToken = await tokenFor(database.db, await scopeOf(database.db, 'kur', 'kur-director'));
    fins = await registryFins(database.db, 3);
    others = await registryFins(database.db, 2, 3);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('validate: the manual’s example gives one warning, for August, 500,00 ₼ — and saves nothing', async () => {
    const response = await validate(xezerToken, workedExample(fins));
    expect(response.status).toBe(200);
    const result = (await response.json()) as ValidationResponse;
    const warnings = result.messages.filter((m) => m.severity === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ month: '2025-08', step: 'F8' });
    expect(warnings[0]!.message.az).toContain('500,00 ₼');
    expect(warnings[0]!.message.en).toContain('AZN 500.00');
    // The check page's own rules (issue 11 §3): what the draft still needs in the portal —
    // the signatories and "BÖLÜŞDÜR" — and nothing about the payload itself.
    expect(
      result.messages.filter((m) => m.severity === 'blocking').map((m) => [m.code, m.step]),
    ).toEqual([
      ['SIGNATORY_MISSING_RESPONSIBLE', 'F25'],
      ['SIGNATORY_MISSING_CHIEF_ACCOUNTANT', 'F25'],
      ['NOT_DISTRIBUTED', 'F22'],
    ]);
    // 1 000 AZN a month, non-state 2019–25: 86 + 164 per person and month (DOMAIN.md §2).
    expect(result.months.map((m) => m.contributions)).toEqual(
      ['2025-07', '2025-08', '2025-09'].map(() => ({
        employer: '492.00',
        employee: '258.00',
        total: '750.00',
      })),
    );
    expect(result.contributions.total).toBe('2250.00');
    expect(result.distribution).toEqual({
      paid: '0.00',
      distributed: '0.00',
      undistributed: '0.00',
    });
    expect(await database.db.select().from(reports).where(eq(reports.employerId, XEZER))).toEqual(
      [],
    );
  });

  it('bad money answers 422 with the path and code of every amount', async () => {
    const body = workedExample(fins);
    const response = await validate(xezerToken, {
      ...body,
      labourPayments: { '2025-07': '1000.5', '2025-08': '-1.00', '2025-09': 'abc' },
      persons: [{ fin: fins[0], incomes: { '2025-07': 1000 } }],
      nonLiableIncome: [{ reasonCode: 'GIFTS_AID', month: '2025-08' }],
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.problems!.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        ['labourPayments.2025-07', 'AMOUNT_FORMAT'],
        ['labourPayments.2025-08', 'AMOUNT_NEGATIVE'],
        ['labourPayments.2025-09', 'AMOUNT_FORMAT'],
        ['persons[0].incomes.2025-07', 'AMOUNT_NOT_STRING'],
        ['nonLiableIncome[0].amount', 'REQUIRED'],
      ]),
    );
    expect(error.problems).toHaveLength(5);
    for (const p of error.problems!) expect(p.message.az && p.message.en).toBeTruthy();
  });

  it('quarter rules: months outside it, unknown FIN, duplicate FIN, unknown field, foreign activity code', async () => {
    const body = workedExample(fins);
    const response = await validate(xezerToken, {
      ...body,
      activityCode: '41.20',
      headcount: { '2025-10': 3 },
      persons: [
        ...body.persons,
        { fin: 'ZZZZZZ9', incomes: {} },
        { fin: fins[0], incomes: { '2025-06': '1.00' } },
      ],
      extra: true,
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.problems!.map((p) => [p.path, p.code])).toEqual([['extra', 'UNKNOWN_FIELD']]);
    const second = await validate(xezerToken, {
      ...body,
      activityCode: '41.20',
      headcount: { '2025-10': 3 },
      persons: [
        ...body.persons,
        { fin: 'ZZZZZZ9', incomes: {} },
        { fin: fins[0], incomes: { '2025-06': '1.00' } },
      ],
    });
    const problems = ((await second.json()) as ErrorBody).error.problems!.map((p) => [
      p.path,
      p.code,
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['activityCode', 'ACTIVITY_CODE_NOT_REGISTERED'],
        ['headcount.2025-10', 'MONTH_OUTSIDE_QUARTER'],
        ['persons[3].fin', 'PERSON_NOT_FOUND'],
        ['persons[4].fin', 'DUPLICATE_FIN'],
        ['persons[4].incomes.2025-06', 'MONTH_OUTSIDE_QUARTER'],
      ]),
    );
  });

  it('a body that is not JSON answers 400', async () => {
    const response = await validate(xezerToken, '{"activityCode":');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('BODY_NOT_JSON');
  });

  let reportId: string;

  it('POST /reports creates the draft, then replaces it (persons replaced)', async () => {
    const created = await upsert(xezerToken, workedExample(fins));
    expect(created.status).toBe(201);
    const first = (await created.json()) as Upserted;
    reportId = first.reportId;
    expect(first).toEqual({
      reportId,
      status: 'DRAFT',
      reviewUrl: `/reports/${reportId}/check-answers`,
    });
    expect(await personsOf(reportId)).toEqual(fins.map((f) => [f, 100_000, 100_000, 100_000]));
    const months = await database.db
      .select()
      .from(reportMonths)
      .where(eq(reportMonths.reportId, reportId));
    expect(months.map((m) => m.labourPaymentsQepik)).toEqual([300_000, 300_000, 300_000]);

    const replaced = await upsert(xezerToken, {
      ...workedExample(others),
      labourPayments: { '2025-07': '2000.00' },
      nonLiableIncome: [],
      signatories: { responsible: { fin: fins[0], documentType: 'DIN' } },
    });
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as Upserted).reportId).toBe(reportId);
    expect(await personsOf(reportId)).toEqual(others.map((f) => [f, 100_000, 100_000, 100_000]));
    const after = await database.db
      .select()
      .from(reportMonths)
      .where(eq(reportMonths.reportId, reportId))
      .orderBy(asc(reportMonths.month));
    expect(after.map((m) => m.labourPaymentsQepik)).toEqual([200_000, null, null]);
    expect(
      await database.db
        .select()
        .from(reportNonLiableIncomes)
        .where(eq(reportNonLiableIncomes.reportId, reportId)),
    ).toEqual([]);
  });

  it('all or nothing: one bad person leaves the draft as it was', async () => {
    const before = await personsOf(reportId);
    const body = workedExample(fins);
    const response = await upsert(xezerToken, {
      ...body,
      persons: [...body.persons, { fin: 'ZZZZZZ9', incomes: {} }],
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.problems!.map((p) => p.path)).toEqual([
      'persons[3].fin',
    ]);
    expect(await personsOf(reportId)).toEqual(before);
    const months = await database.db
      .select()
      .from(reportMonths)
      .where(eq(reportMonths.reportId, reportId))
      .orderBy(asc(reportMonths.month));
    expect(months.map((m) => m.labourPaymentsQepik)).toEqual([200_000, null, null]);
  });

  it('another employer’s token never reaches this employer’s reports', async () => {
    const response = await upsert(kurToken, workedExample(fins));
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.problems).toEqual([
      expect.objectContaining({ path: 'activityCode', code: 'ACTIVITY_CODE_NOT_REGISTERED' }),
    ]);
    const own = await upsert(kurToken, { ...workedExample(fins), activityCode: '41.20' });
    expect(own.status).toBe(201);
    const kurReport = (await own.json()) as Upserted;
    expect(kurReport.reportId).not.toBe(reportId);
    const [row] = await database.db
      .select()
      .from(reports)
      .where(eq(reports.id, kurReport.reportId));
    expect(row!.employerId).toBe(KUR);
    expect(await personsOf(reportId)).toEqual(others.map((f) => [f, 100_000, 100_000, 100_000]));
  });

  it('a report past DRAFT answers 409 REPORT_NOT_DRAFT and is left alone', async () => {
    await database.db
      .update(reports)
      .set({ status: 'SENT' })
      .where(and(eq(reports.id, reportId), eq(reports.employerId, XEZER)));
    const response = await upsert(xezerToken, workedExample(fins));
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('REPORT_NOT_DRAFT');
    expect(error.message.en).toContain('no longer a draft');
    expect(await personsOf(reportId)).toEqual(others.map((f) => [f, 100_000, 100_000, 100_000]));
  });
});
