import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { registryPersons, reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { MAX_AMOUNT_QEPIK, parseAmount, type MonthKey } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../../access';
import { normalizePersonFin } from '../persons/person-input';
import { loadReportContext } from '../persons/report-context';
import {
  FIN_COLUMN,
  NAME_COLUMN,
  rejectedCell,
  SURNAME_COLUMN,
  type PersonRowInput,
  type RejectedCell,
} from './person-rows';
import { type AppErrorCode } from '../../errors';

export type ImportMode = 'replace' | 'append';

export type AcceptedPersonRow = {
  line: number;
  fin: string;
  /** The registry's name (snapshot), as the form stores it. */
  surname: string;
  name: string;
  patronymic: string;
  incomesQepik: [number | null, number | null, number | null];
};

export type PersonRowsValidation = {
  months: MonthKey[];
  accepted: AcceptedPersonRow[];
  /** Every refused cell; a row with any refused cell is not accepted. */
  rejected: RejectedCell[];
  /** Lines with at least one refused cell. */
  rejectedLines: number[];
  /** Not errors: the file's name differs from the registry's (the registry's is kept). */
  warnings: RejectedCell[];
};

const REGISTRY_CHUNK = 5000;

const AMOUNT_CODES: Record<string, AppErrorCode> = {
  AMOUNT_NEGATIVE: 'AMOUNT_NEGATIVE',
  AMOUNT_TOO_MANY_DECIMALS: 'AMOUNT_TOO_MANY_DECIMALS',
  AMOUNT_TOO_LARGE: 'AMOUNT_TOO_LARGE',
};

/** Case- and space-insensitive, with Azerbaijani casing (i/İ, ı/I). */
function sameName(a: string, b: string): boolean {
  // Most files carry the registry's spelling: skip the locale-aware folding (the bench's
  // largest cost in validation, ~10 µs a name).
  if (a === b) return true;
  const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleUpperCase('az');
  return fold(a) === fold(b);
}

/**
 * Registry names for the FINs: one query per chunk, the chunk's FINs as a single jsonb
 * parameter (`where fin in (…)` without thousands of bound values). The registry port looks up
 * one FIN at a time, so the batch reads the simulated registry's table directly.
 */
async function registryNames(db: DbOrTx, fins: string[]) {
  const found = new Map<string, { surname: string; name: string; patronymic: string }>();
  for (let i = 0; i < fins.length; i += REGISTRY_CHUNK) {
    const chunk = JSON.stringify(fins.slice(i, i + REGISTRY_CHUNK));
    const rows = await db
      .select({
        fin: registryPersons.fin,
        surname: registryPersons.surname,
        name: registryPersons.name,
        patronymic: registryPersons.patronymic,
      })
      .from(registryPersons)
      .where(
        inArray(registryPersons.fin, sql`(select jsonb_array_elements_text(${chunk}::jsonb))`),
      );
    for (const r of rows) found.set(r.fin, r);
  }
  return found;
}

/**
 * Validates imported rows with the rules of the F20 form (issue 5 §8): FIN format and registry
 * existence, duplicates within the rows and (when appending) against the report, amounts via
 * lib/domain parseAmount (empty = not employed that month). A name differing from the registry
 * is a warning only. Nothing is written.
 */
export async function validatePersonRows(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; mode: ImportMode; rows: readonly PersonRowInput[] },
): Promise<PersonRowsValidation> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  const rejected: RejectedCell[] = [];
  const warnings: RejectedCell[] = [];
  const firstLineOfFin = new Map<string, number>();
  const candidates: {
    row: PersonRowInput;
    fin: string;
    incomesQepik: AcceptedPersonRow['incomesQepik'];
  }[] = [];
  const bad = new Set<number>();
  const reject = (line: number, column: string, code: AppErrorCode, value: string, params = {}) => {
    rejected.push(rejectedCell(line, column, code, value, params));
    bad.add(line);
  };
  for (const row of input.rows) {
    const fin = normalizePersonFin(row.fin);
    if (!fin.ok) reject(row.line, FIN_COLUMN, fin.code, row.fin);
    else if (firstLineOfFin.has(fin.fin))
      reject(row.line, FIN_COLUMN, 'DUPLICATE_IN_FILE', row.fin, {
        firstLine: firstLineOfFin.get(fin.fin)!,
      });
    else firstLineOfFin.set(fin.fin, row.line);
    const incomes = report.months.map((month, i) => {
      const text = (row.incomes[i] ?? '').trim();
      if (text === '') return null;
      const amount = parseAmount(text);
      if (amount.ok) return amount.value as number;
      reject(row.line, month, AMOUNT_CODES[amount.code] ?? 'AMOUNT_NOT_A_NUMBER', text, {
        ...(amount.code === 'AMOUNT_TOO_LARGE' ? { maxQepik: MAX_AMOUNT_QEPIK } : {}),
      });
      return null;
    });
    if (fin.ok)
      candidates.push({
        row,
        fin: fin.fin,
        incomesQepik: incomes as AcceptedPersonRow['incomesQepik'],
      });
  }
  const fins = candidates.map((c) => c.fin);
  const [registry, existing] = await Promise.all([
    registryNames(db, fins),
    input.mode === 'append'
      ? db
          .select({ fin: reportPersons.fin })
          .from(reportPersons)
          .where(
            and(
              eq(reportPersons.reportId, report.id),
              eq(reportPersons.employerId, scope.employerId),
            ),
          )
      : Promise.resolve([]),
  ]);
  const inReport = new Set(existing.map((e) => e.fin));
  const accepted: AcceptedPersonRow[] = [];
  for (const { row, fin, incomesQepik } of candidates) {
    if (firstLineOfFin.get(fin) !== row.line) continue; // the duplicate was refused above
    const person = registry.get(fin);
    if (!person) reject(row.line, FIN_COLUMN, 'PERSON_NOT_FOUND', row.fin);
    else if (inReport.has(fin)) reject(row.line, FIN_COLUMN, 'PERSON_DUPLICATE', row.fin);
    if (!person || bad.has(row.line)) continue;
    const registryName = `${person.surname} ${person.name}`;
    if (row.surname !== '' && !sameName(row.surname, person.surname)) {
      warnings.push(
        rejectedCell(row.line, SURNAME_COLUMN, 'NAME_MISMATCH', row.surname, { registryName }),
      );
    }
    if (row.name !== '' && !sameName(row.name, person.name)) {
      warnings.push(
        rejectedCell(row.line, NAME_COLUMN, 'NAME_MISMATCH', row.name, { registryName }),
      );
    }
    accepted.push({ line: row.line, fin, ...person, incomesQepik });
  }
  const byPlace = (a: RejectedCell, b: RejectedCell) => a.line - b.line;
  return {
    months: report.months,
    accepted,
    rejected: rejected.sort(byPlace),
    rejectedLines: [...bad].sort((a, b) => a - b),
    warnings: warnings.sort(byPlace),
  };
}
