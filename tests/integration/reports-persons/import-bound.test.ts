import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryPersons } from '@/db/schema';
import { seed } from '@/db/seed';
import { MAX_AMOUNT_QEPIK } from '@/lib/domain';
import type { EmployerScope } from '@/lib/server/access';
import { importPersons } from '@/lib/server/reports/import/import-persons';
import { validateRowsJson } from '@/lib/server/reports/import/validate-rows-json';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { AppError } from '@/lib/server/errors';

// Issue 10 §5: the import refuses an amount above the bound of one figure with the wizard's own
// words, cell by cell, and writes nothing.

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const csv = (text: string) => new TextEncoder().encode(text);

describe('the import and the bound of one amount (issue 10 §5)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let people: { fin: string; surname: string; name: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
    people = await database.db
      .select({
        fin: registryPersons.fin,
        surname: registryPersons.surname,
        name: registryPersons.name,
      })
      .from(registryPersons)
      .orderBy(registryPersons.fin)
      .limit(4);
  });
  afterAll(async () => {
    await database?.close();
  });

  const persons = async (reportId: string) =>
    (await listReportPersons(database.db, xezer, { reportId })).persons;

  it('a CSV cell one qəpik over the bound is refused at its line and month, the bound itself is not', async () => {
    const reportId = await insertDraftReport(database.db);
    const [a, b, c] = people;
    const lines = [
      'FIN;Soyad;Ad;İyul 2025;Avqust 2025;Sentyabr 2025',
      `${a!.fin};${a!.surname};${a!.name};1 000 000 000,00;1;1`,
      `${b!.fin};${b!.surname};${b!.name};1;1 000 000 000,01;1`,
      `${c!.fin};${c!.surname};${c!.name};1;1;90 071 992 547 409,91`,
    ];
    const refused = await refusal(
      importPersons(database.db, xezer, {
        reportId,
        mode: 'replace',
        source: { kind: 'file', data: csv(`${lines.join('\n')}\n`) },
      }),
    );
    expect(refused.code).toBe('IMPORT_HAS_ERRORS');
    expect(refused.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
      [3, '2025-08', 'AMOUNT_TOO_LARGE'],
      [4, '2025-09', 'AMOUNT_TOO_LARGE'],
    ]);
    expect(refused.rejected[0]!.message).toEqual({
      az: 'Məbləğ 1 000 000 000,00 ₼-dan çox ola bilməz',
      en: 'The amount cannot exceed AZN 1,000,000,000.00',
    });
    expect(await persons(reportId)).toBe(0);
  });

  it('an XLSX number cell over the bound is refused the same way', async () => {
    const reportId = await insertDraftReport(database.db, { year: 2024, quarter: 3 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SO');
    sheet.addRow(['FIN', 'Soyad', 'Ad', '2024-07', '2024-08', '2024-09']);
    sheet.addRow([people[0]!.fin, people[0]!.surname, people[0]!.name, 1_000_000_000.01, 1, 1]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const refused = await refusal(
      importPersons(database.db, xezer, {
        reportId,
        mode: 'replace',
        source: { kind: 'file', data },
      }),
    );
    expect(refused.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
      [2, '2024-07', 'AMOUNT_TOO_LARGE'],
    ]);
  });

  it('corrected rows sent back ("Yoxla") are checked against the same bound', async () => {
    const reportId = await insertDraftReport(database.db, { year: 2024, quarter: 4 });
    const p = people[3]!;
    const row = (amount: string) => ({
      line: 2,
      fin: p.fin,
      surname: p.surname,
      name: p.name,
      incomes: [amount, '', ''],
    });
    const over = await validateRowsJson(database.db, xezer, {
      reportId,
      mode: 'replace',
      rows: [row('1000000000.01')],
    });
    expect(over.rejected.map((r) => r.code)).toEqual(['AMOUNT_TOO_LARGE']);
    const at = await validateRowsJson(database.db, xezer, {
      reportId,
      mode: 'replace',
      rows: [row('1000000000.00')],
    });
    expect(at.rejected).toEqual([]);
    await importPersons(database.db, xezer, {
      reportId,
      mode: 'replace',
      source: { kind: 'rows', rows: [row('1000000000.00')] },
    });
    const list = await listReportPersons(database.db, xezer, { reportId });
    expect(list.rows[0]!.incomesQepik).toEqual([MAX_AMOUNT_QEPIK, null, null]);
  });
});
