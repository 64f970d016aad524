import 'server-only';
import type { MonthKey } from '@/lib/domain';
import { type AppErrorCode, type AppErrorParams } from '../../errors';
import { errorTexts } from '../../error-messages';

/** A row of the persons table as typed (file cell text or JSON), before validation. */
export type PersonRowInput = {
  /** Line in the file (header = 1), or the position the UI gives a re-submitted row. */
  line: number;
  fin: string;
  surname: string;
  name: string;
  /** Amount text per month of the quarter, in order; '' or null = not employed that month. */
  incomes: readonly (string | null)[];
};

/** One refused (or, for NAME_MISMATCH, warned) cell with its place and message. */
export type RejectedCell = {
  line: number;
  /** The template's column name: 'FIN', 'Soyad', 'Ad' or the month 'YYYY-MM'. */
  column: string;
  code: AppErrorCode;
  message: { az: string; en: string };
  value: string;
};

export const FIN_COLUMN = 'FIN';
export const SURNAME_COLUMN = 'Soyad';
export const NAME_COLUMN = 'Ad';

export function rejectedCell(
  line: number,
  column: string,
  code: AppErrorCode,
  value: string,
  params: AppErrorParams = {},
): RejectedCell {
  return { line, column, code, message: errorTexts(code, params), value };
}

const MONTH_NAMES: Record<string, number> = Object.fromEntries(
  [
    ['yanvar', 'january'],
    ['fevral', 'february'],
    ['mart', 'march'],
    ['aprel', 'april'],
    ['may', 'may'],
    ['iyun', 'june'],
    ['iyul', 'july'],
    ['avqust', 'august'],
    ['sentyabr', 'september'],
    ['oktyabr', 'october'],
    ['noyabr', 'november'],
    ['dekabr', 'december'],
  ].flatMap(([az, en], i) => [
    [az, i + 1],
    [en, i + 1],
  ]),
);

/** Case-folds a header the same way for 'FİN', 'Fin', 'İyul' and 'IYUL' (dotted/dotless i). */
function fold(text: string): string {
  return text.trim().replace(/İ/g, 'I').replace(/ı/g, 'i').toLowerCase().replace(/\s+/g, ' ');
}

export type HeaderKind =
  { kind: 'fin' | 'surname' | 'name' } | { kind: 'month'; month: MonthKey } | { kind: 'other' };

/** What a header cell names: FIN, Soyad/Surname, Ad/Name, a month ('2025-07', 'İyul 2025', 'July 2025'). */
export function classifyHeader(header: string): HeaderKind {
  const h = fold(header);
  if (h === 'fin') return { kind: 'fin' };
  if (h === 'soyad' || h === 'soyadı' || h === 'soyadi' || h === 'surname')
    return { kind: 'surname' };
  if (h === 'ad' || h === 'adı' || h === 'adi' || h === 'name') return { kind: 'name' };
  const iso = /^(\d{4})-(\d{2})$/.exec(h);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12)
    return { kind: 'month', month: `${iso[1]}-${iso[2]}` };
  const named = /^(\p{L}+) (\d{4})$/u.exec(h);
  const monthNumber = named ? MONTH_NAMES[named[1]!] : undefined;
  if (named && monthNumber !== undefined) {
    return { kind: 'month', month: `${named[2]}-${String(monthNumber).padStart(2, '0')}` };
  }
  return { kind: 'other' };
}
