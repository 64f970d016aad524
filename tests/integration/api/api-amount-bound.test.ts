import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '@/db/schema';
import { handleUpsertReport, handleValidateReport } from '@/lib/server/api/handle-report-requests';
import type { ValidationResponse } from '@/lib/server/api/validate-report-payload';
import type { TestDatabase } from '../helpers/test-database';
import {
  apiRequest,
  AS_OF,
  type ErrorBody,
  registryFins,
  scopeOf,
  seededDatabase,
  tokenFor,
  workedExample,
  XEZER,
} from './api-fixtures';

// Issue 10 §5 through the payroll API: the bound of one amount with the portal's words, the
// labour payments of the issue, and validate answering what POST answers.

describe('payroll API: bounded amounts, one verdict (issue 10 §5)', () => {
  let database: TestDatabase;
  let token: string;
  let fins: string[];
  let minute = 0;
  // A rate-limit window of its own for every request.
  const asOf = () => ({ asOf: new Date(AS_OF.getTime() + ++minute * 61_000) });
  const validate = (body: unknown) =>
    handleValidateReport(database.db, apiRequest('/api/v1/reports/validate', token, body), asOf());
  const upsert = (body: unknown) =>
    handleUpsertReport(database.db, apiRequest('/api/v1/reports', token, body), asOf());

  beforeAll(async () => {
    database = await seededDatabase();
    token = await tokenFor(database.db, await scopeOf(database.db, 'xezer', 'xezer-director'));
    fins = await registryFins(database.db, 3);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('90 071 992 547 409,91 ₼ of labour payments a month is refused at each month by both endpoints, with the limit', async () => {
    const body = {
      ...workedExample(fins),
      labourPayments: {
        '2025-07': '90071992547409.91',
        '2025-08': '90071992547409.91',
        '2025-09': '1000000000.01',
      },
      persons: [{ fin: fins[0], incomes: { '2025-07': '1000000000.00' } }],
    };
    for (const response of [await validate(body), await upsert(body)]) {
      expect(response.status).toBe(422);
      const { error } = (await response.json()) as ErrorBody;
      expect(error.problems!.map((p) => [p.path, p.code])).toEqual([
        ['labourPayments.2025-07', 'AMOUNT_TOO_LARGE'],
        ['labourPayments.2025-08', 'AMOUNT_TOO_LARGE'],
        ['labourPayments.2025-09', 'AMOUNT_TOO_LARGE'],
      ]);
      expect(error.problems![0]!.message).toEqual({
        az: 'Məbləğ 1 000 000 000,00 ₼-dan çox ola bilməz',
        en: 'The amount cannot exceed AZN 1,000,000,000.00',
      });
    }
    expect(await database.db.select().from(reports).where(eq(reports.employerId, XEZER))).toEqual(
      [],
    );
  });

  it('the bound itself is accepted, and the figures stay exact', async () => {
    const body = {
      ...workedExample(fins),
      labourPayments: { '2025-07': '1000000000.00', '2025-08': '1000000000.00' },
      nonLiableIncome: [],
      persons: fins.map((fin) => ({ fin, incomes: { '2025-07': '1000000000.00' } })),
    };
    const response = await validate(body);
    expect(response.status).toBe(200);
    const result = (await response.json()) as ValidationResponse;
    expect(result.months[0]!.personsIncome).toBe('3000000000.00');
    expect((await upsert(body)).status).toBe(201);
  });

  it('validate answers 409 REPORT_NOT_DRAFT for a sent report, as POST does', async () => {
    const body = { ...workedExample(fins), activityCode: '47.41' };
    const created = await upsert(body);
    expect(created.status).toBe(201);
    const { reportId } = (await created.json()) as { reportId: string };
    await database.db
      .update(reports)
      .set({ status: 'SENT' })
      .where(and(eq(reports.id, reportId), eq(reports.employerId, XEZER)));
    for (const response of [await validate(body), await upsert(body)]) {
      expect(response.status).toBe(409);
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe('REPORT_NOT_DRAFT');
    }
  });
});
