import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryPersons } from '@/db/schema';
import { seed } from '@/db/seed';
import type { EmployerScope } from '@/lib/server/access';
import { AppError } from '@/lib/server/errors';
import { buildImportTemplate } from '@/lib/server/reports/import/build-import-template';
import { importPersons } from '@/lib/server/reports/import/import-persons';
import { parsePersonFile } from '@/lib/server/reports/import/parse-person-file';
import { validateRowsJson } from '@/lib/server/reports/import/validate-rows-json';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { getReportPerson } from '@/lib/server/reports/persons/get-report-person';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
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

const MONTHS = ['2025-07', '2025-08', '2025-09'];
const csv = (text: string) => new TextEncoder().encode(text);

describe('bulk import of insured persons (issue 5 §8)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  let people: { fin: string; surname: string; name: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
    kur = await reportsScope(database.db, 'kur', 'kur-director');
    people = await database.db
      .select({
        fin: registryPersons.fin,
        surname: registryPersons.surname,
        name: registryPersons.name,
      })
      .from(registryPersons)
      .orderBy(registryPersons.fin)
      .limit(30);
  });
  afterAll(async () => {
    await database?.close();
  });

  const count = async (reportId: string) =>
    (await listReportPersons(database.db, xezer, { reportId })).persons;

  it('refuses exactly the 5 bad rows of a CSV with line, column and code, and applies nothing', async () => {
    const reportId = await insertDraftReport(database.db);
    const good = people
      .slice(0, 12)
      .map((p, i) => `${p.fin};${p.surname};${p.name};1 234,56;${1000 + i}.5;`);
    const p = people.slice(12);
    const lines = [
      'FIN;Soyad;Ad;İyul 2025;Avqust 2025;Sentyabr 2025',
      ...good.slice(0, 4),
      `AB!;X;Y;100;100;100`, // line 6: FIN format
      `ZZZZZZ9;X;Y;100;100;100`, // line 7: not in the registry
      ...good.slice(4, 8),
      `${p[0]!.fin};${p[0]!.surname};${p[0]!.name};100;-100;100`, // line 12: negative
      `${p[1]!.fin};${p[1]!.surname};${p[1]!.name};100;100;12,3,4`, // line 13: malformed
      `${people[0]!.fin.toLowerCase()};x;y;1;1;1`, // line 14: duplicate of line 2
      ...good.slice(8),
      `${p[2]!.fin};Başqa;Ad;500;500;500`, // line 19: name differs — a warning, not an error
    ];
    const data = csv(`\uFEFF${lines.join('\r\n')}\r\n`);
    const refused = await refusal(
      importPersons(database.db, xezer, {
        reportId,
        mode: 'append',
        source: { kind: 'file', data },
      }),
    );
    expect(refused).toMatchObject({ code: 'IMPORT_HAS_ERRORS', params: { rows: 5 } });
    const cells = (refused as AppError).rejected.map((r) => [r.line, r.column, r.code]);
    expect(cells).toEqual([
      [6, 'FIN', 'FIN_FORMAT'],
      [7, 'FIN', 'PERSON_NOT_FOUND'],
      [12, '2025-08', 'AMOUNT_NEGATIVE'],
      [13, '2025-09', 'AMOUNT_NOT_A_NUMBER'],
      [14, 'FIN', 'DUPLICATE_IN_FILE'],
    ]);
    expect((refused as AppError).rejected[4]!.message.en).toBe(
      'This FIN is already in the file on line 2',
    );
    expect(await count(reportId)).toBe(0);

    // The same rows as JSON, the 5 fixed in the browser (bad ones dropped or corrected): applied.
    const parsed = await parsePersonFile(data, MONTHS);
    const fixed = parsed.rows
      .filter((r) => ![6, 7, 14].includes(r.line))
      .map((r) => (r.line === 12 || r.line === 13 ? { ...r, incomes: ['100', '100', '100'] } : r));
    const checked = await validateRowsJson(database.db, xezer, {
      reportId,
      mode: 'append',
      rows: fixed,
    });
    expect(checked.rejected).toEqual([]);
    expect(checked.warnings.map((w) => [w.line, w.column, w.code])).toEqual([
      [19, 'Soyad', 'NAME_MISMATCH'],
      [19, 'Ad', 'NAME_MISMATCH'],
    ]);
    const result = await importPersons(database.db, xezer, {
      reportId,
      mode: 'append',
      source: { kind: 'rows', rows: fixed },
    });
    expect(result.inserted).toBe(15);
    expect(await count(reportId)).toBe(15);
    const first = await getReportPerson(database.db, xezer, { reportId, fin: people[0]!.fin });
    expect(first.months.map((m) => m.incomeQepik)).toEqual([123_456, 100_050, null]);
    // The registry's name is kept, not the file's.
    const renamed = await getReportPerson(database.db, xezer, { reportId, fin: p[2]!.fin });
    expect(renamed.surname).toBe(p[2]!.surname);

    // Appending the same FIN again is refused against the report; 'replace' starts afresh.
    const again = await refusal(
      importPersons(database.db, xezer, {
        reportId,
        mode: 'append',
        source: { kind: 'rows', rows: [fixed[0]] },
      }),
    );
    expect((again as AppError).rejected.map((r) => r.code)).toEqual(['PERSON_DUPLICATE']);
    const replaced = await importPersons(database.db, xezer, {
      reportId,
      mode: 'replace',
      source: { kind: 'rows', rows: fixed.slice(0, 2) },
    });
    expect(replaced).toMatchObject({ inserted: 2, deleted: 15 });
    expect(await count(reportId)).toBe(2);
  });

  it('reads a comma-separated CSV without BOM, with quoted decimal commas and an empty month', async () => {
    const reportId = await insertDraftReport(database.db, { quarter: 2 });
    const text = `Surname,Name,FIN,2025-04,2025-05,2025-06,Note\n${people[20]!.surname},${people[20]!.name},${people[20]!.fin},"1 000,00",,1000.5,x\n`;
    await importPersons(database.db, xezer, {
      reportId,
      mode: 'replace',
      source: { kind: 'file', data: csv(text) },
    });
    const person = await getReportPerson(database.db, xezer, { reportId, fin: people[20]!.fin });
    expect(person.months.map((m) => m.incomeQepik)).toEqual([100_000, null, 100_050]);
  });

  it('round-trips an XLSX through the template', async () => {
    const reportId = await insertDraftReport(database.db, { quarter: 1 });
    const template = await buildImportTemplate(database.db, xezer, { reportId, format: 'xlsx' });
    expect(template.filename).toBe('sigortaolunanlar-2025-Q1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.data as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'FIN',
      'Soyad',
      'Ad',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    people
      .slice(0, 5)
      .forEach((p, i) =>
        sheet.addRow([p.fin, p.surname, p.name, 1000 + i, 1234.56, i === 0 ? null : '2 000,10']),
      );
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importPersons(database.db, xezer, {
      reportId,
      mode: 'replace',
      source: { kind: 'file', data },
    });
    expect(result.inserted).toBe(5);
    const person = await getReportPerson(database.db, xezer, { reportId, fin: people[1]!.fin });
    expect(person.months.map((m) => m.incomeQepik)).toEqual([100_100, 123_456, 200_010]);

    const csvTemplate = await buildImportTemplate(database.db, xezer, { reportId, format: 'csv' });
    expect(csvTemplate.data.toString('utf8')).toBe(
      '\uFEFFFIN;Soyad;Ad;2025-01;2025-02;2025-03\r\n',
    );
  });

  it('refuses formula cells one by one with line and column, and applies nothing', async () => {
    const reportId = await insertDraftReport(database.db, { quarter: 4 });
    const template = await buildImportTemplate(database.db, xezer, { reportId, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.data as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    sheet.addRow([people[0]!.fin, people[0]!.surname, people[0]!.name, 100, 100, 100]);
    sheet.addRow([
      people[1]!.fin,
      people[1]!.surname,
      people[1]!.name,
      100,
      { formula: 'D2*2', result: 200 },
      100,
    ]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const refused = await refusal(
      importPersons(database.db, xezer, {
        reportId,
        mode: 'append',
        source: { kind: 'file', data },
      }),
    );
    expect((refused as AppError).rejected.map((r) => [r.line, r.column, r.code])).toEqual([
      [3, '2025-11', 'FORMULA_NOT_ALLOWED'],
    ]);
    expect(await count(reportId)).toBe(0);
  });

  it('refuses what is not a CSV/XLSX, a file over 20 MB, missing columns and months outside the quarter', async () => {
    const reportId = await insertDraftReport(database.db, { year: 2024 });
    const refuse = async (data: Uint8Array) =>
      refusal(
        importPersons(database.db, xezer, {
          reportId,
          mode: 'append',
          source: { kind: 'file', data },
        }),
      );
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    expect((await refuse(png)).code).toBe('FILE_TYPE');
    expect((await refuse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).code).toBe(
      'FILE_DAMAGED',
    );
    expect((await refuse(new Uint8Array([0x46, 0x49, 0x4e, 0xff, 0xfe, 0x0a]))).code).toBe(
      'FILE_ENCODING',
    );
    expect((await refuse(new Uint8Array(0))).code).toBe('FILE_EMPTY');
    expect(await refuse(new Uint8Array(20 * 1024 * 1024 + 1))).toMatchObject({
      code: 'FILE_TOO_LARGE',
      params: { maxMb: 20 },
    });
    const missing = await refuse(csv('FIN;Soyad;2024-07;2024-08\nAAAAAAA;X;1;1\n'));
    expect(missing).toMatchObject({ code: 'COLUMNS_MISSING', params: { columns: 'Ad, 2024-09' } });
    const outside = await refuse(csv('FIN;Soyad;Ad;2024-07;2024-08;2024-09;2024-10\n'));
    expect(outside).toMatchObject({ code: 'COLUMN_MONTH_OUTSIDE_QUARTER', column: '2024-10' });
    expect(
      (await refuse(csv('FIN;Soyad;Ad;2024-07;2024-08;2024-09\n"AAAAAAA;X;1;1;1;1\n'))).code,
    ).toBe('FILE_CSV_QUOTE');
    expect(await count(reportId)).toBe(0);
  });

  it('refuses malformed JSON rows, non-drafts and other employers’ reports', async () => {
    const reportId = await insertDraftReport(database.db, { year: 2024, quarter: 2 });
    await addReportPerson(database.db, xezer, {
      reportId,
      fin: people[0]!.fin,
      incomesQepik: [1, 1, 1],
    });
    expect(
      await refusal(
        validateRowsJson(database.db, xezer, {
          reportId,
          mode: 'append',
          rows: [{ fin: 'X', incomes: ['1'] }],
        }),
      ),
    ).toMatchObject({ code: 'ROW_SHAPE', line: 2 });
    const rows = [{ fin: people[1]!.fin, incomes: ['1', '1', '1'] }];
    for (const call of [
      () =>
        importPersons(database.db, kur, {
          reportId,
          mode: 'replace',
          source: { kind: 'rows', rows },
        }),
      () => validateRowsJson(database.db, kur, { reportId, mode: 'append', rows }),
      () => buildImportTemplate(database.db, kur, { reportId, format: 'csv' }),
    ]) {
      expect((await refusal(call())).code).toBe('NOT_FOUND');
    }
    expect(await count(reportId)).toBe(1);
  });
});
