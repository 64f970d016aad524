import 'server-only';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { loadReportContext } from '../persons/report-context';
import { FIN_COLUMN, NAME_COLUMN, SURNAME_COLUMN } from './person-rows';

export type ImportTemplate = { data: Buffer; filename: string; contentType: string };

/**
 * The persons table template of a report (issue 5 §8): FIN, Soyad, Ad and one column per month
 * of the quarter ('2025-07' …). XLSX keeps FIN and the months as text cells so Excel neither
 * drops a FIN's leading zero nor turns '2025-07' into a date; CSV uses ';' and a BOM, which
 * Excel opens correctly with a decimal comma.
 */
export async function buildImportTemplate(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; format: 'xlsx' | 'csv' },
): Promise<ImportTemplate> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  const header = [FIN_COLUMN, SURNAME_COLUMN, NAME_COLUMN, ...report.months];
  const filename = `sigortaolunanlar-${report.year}-Q${report.quarter}.${input.format}`;
  if (input.format === 'csv') {
    return {
      data: Buffer.from(`\uFEFF${header.join(';')}\r\n`, 'utf8'),
      filename,
      contentType: 'text/csv; charset=utf-8',
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sığortaolunanlar');
  sheet.columns = header.map((h, i) => ({ header: h, key: h, width: i < 3 ? 18 : 14 }));
  sheet.getColumn(1).numFmt = '@';
  for (let c = 4; c <= header.length; c += 1) sheet.getColumn(c).numFmt = '#,##0.00';
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    data,
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
