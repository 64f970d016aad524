import 'server-only';
import type { DbOrTx } from '@/db/types';
import type { Locale } from '@/lib/i18n/locales';
import type { EmployerScope } from '../../access';
import type { ActionRefusal, ActionResult } from '../../actions';
import { errorMessage } from '../../error-messages';
import { AppError, isAppError } from '../../errors';
import { getReport } from '../get-report';
import type { JobReporter } from '../../jobs/job-reporter';
import { importPersons, type ImportProgress } from './import-persons';
import { MAX_FILE_BYTES, parsePersonFile } from './parse-person-file';
import type { PersonRowInput, RejectedCell } from './person-rows';
import { validateRowsJson } from './validate-rows-json';
import type { ImportMode } from './validate-person-rows';

// The persons import as the F20 form uses it (issue 5 §8): a file, and optionally the refused
// rows as corrected in the browser. All or nothing: with any refused cell nothing is written and
// the refused rows come back for editing, in the user's language.

/** How many refused rows an answer carries back for editing; more means "fix the file". */
const MAX_EDITABLE_ROWS = 500;

/** One refused (or warned) cell of an import, in the user's language. */
export type ImportCell = { line: number; column: string; message: string; value: string };

/** A row of the persons table as the import reads it; amounts as text. */
export type ImportRow = {
  line: number;
  fin: string;
  surname: string;
  name: string;
  incomes: string[];
};

/** Done: what was written and the warned cells (a name that differs from the registry's). */
export type ImportDone = { ok: true; inserted: number; deleted: number; warnings: ImportCell[] };

/** Refused rows: every refused cell, and the rows to correct in the browser. */
export type ImportRejection = ActionRefusal & {
  code: 'IMPORT_HAS_ERRORS';
  cells: ImportCell[];
  rows: ImportRow[];
  truncated: boolean;
};

function toCells(cells: readonly RejectedCell[], locale: Locale): ImportCell[] {
  return cells.map((c) => ({
    line: c.line,
    column: c.column,
    message: c.message[locale],
    value: c.value,
  }));
}

/** The refused rows for editing: their full content where the file has it, else the refused cells. */
function rejectedRows(
  rows: readonly PersonRowInput[],
  cells: readonly RejectedCell[],
  months: readonly string[],
): ImportRow[] {
  const lines = [...new Set(cells.map((c) => c.line))]
    .sort((a, b) => a - b)
    .slice(0, MAX_EDITABLE_ROWS);
  const byLine = new Map(rows.map((r) => [r.line, r]));
  return lines.map((line) => {
    const row = byLine.get(line);
    if (row)
      return {
        line,
        fin: row.fin,
        surname: row.surname,
        name: row.name,
        incomes: months.map((_, i) => row.incomes[i] ?? ''),
      };
    const value = (column: string) =>
      cells.find((c) => c.line === line && c.column === column)?.value ?? '';
    return {
      line,
      fin: value('FIN'),
      surname: value('Soyad'),
      name: value('Ad'),
      incomes: months.map((m) => value(m)),
    };
  });
}

/** Corrected rows sent back from the browser as JSON: the shape is checked by the import. */
export function readCorrections(text: string | undefined): unknown[] {
  if (text === undefined || text === '') return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

const lineOf = (row: unknown): number | null => {
  const line =
    typeof row === 'object' && row !== null ? (row as { line?: unknown }).line : undefined;
  return typeof line === 'number' ? line : null;
};

const skipped = (row: unknown): boolean =>
  typeof row === 'object' && row !== null && (row as { skip?: unknown }).skip === true;

/** An import's progress as its job row holds it. */
function toJobPatch(p: ImportProgress) {
  return {
    stage: p.stage,
    counts: { read: p.read, checked: p.checked, saved: p.saved },
    total: p.total,
  };
}

/**
 * Imports the file, the corrected rows replacing those lines of it. A refusal of the file as a
 * whole (its type, size, columns) is thrown at the 'file' field; refused rows are answered.
 * With a job (issue 15 §6), its row follows the import and ends DONE or FAILED with the code.
 */
export async function importPersonsFromForm(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; mode: ImportMode; file: File; corrections: readonly unknown[] },
  locale: Locale,
  job?: JobReporter,
): Promise<ImportDone | ImportRejection> {
  let last: ImportProgress | null = null;
  const onProgress = (p: ImportProgress) => {
    last = p;
    job?.progress(toJobPatch(p));
  };
  const refusal: { error?: AppError } = {};
  try {
    const outcome = await importFromForm(db, scope, input, locale, onProgress, refusal);
    const end = last === null ? undefined : toJobPatch(last);
    if (outcome.ok)
      await job?.finish(
        { inserted: outcome.inserted, deleted: outcome.deleted, warnings: outcome.warnings.length },
        end,
      );
    else await job?.fail(refusal.error ?? new AppError(outcome.code), end);
    return outcome;
  } catch (error) {
    await job?.fail(error, last === null ? undefined : toJobPatch(last));
    throw error;
  }
}

async function importFromForm(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; mode: ImportMode; file: File; corrections: readonly unknown[] },
  locale: Locale,
  onProgress: (p: ImportProgress) => void,
  refusal: { error?: AppError },
): Promise<ImportDone | ImportRejection> {
  const { file } = input;
  if (file.size === 0) throw new AppError('FILE_NOT_CHOSEN', { field: 'file' });
  let fileRows: PersonRowInput[] = [];
  try {
    if (file.size > MAX_FILE_BYTES)
      throw new AppError('FILE_TOO_LARGE', {
        field: 'file',
        params: { maxMb: MAX_FILE_BYTES / 1024 / 1024 },
      });
    const data = new Uint8Array(await file.arrayBuffer());
    let source: Parameters<typeof importPersons>[2]['source'] = { kind: 'file', data };
    if (input.corrections.length > 0) {
      const months = (await getReport(db, scope, input.reportId)).months.map((m) => m.month);
      const corrected = new Set(input.corrections.map(lineOf));
      fileRows = (await parsePersonFile(data, months)).rows;
      // A row the user chose to leave out is corrected away: its line is dropped.
      const kept = input.corrections.filter((c) => !skipped(c));
      const merged = [...fileRows.filter((r) => !corrected.has(r.line)), ...kept].sort(
        (a, b) => (lineOf(a) ?? 0) - (lineOf(b) ?? 0),
      );
      source = { kind: 'rows', rows: merged };
      fileRows = [...fileRows, ...(kept as PersonRowInput[])];
    }
    const result = await importPersons(
      db,
      scope,
      { reportId: input.reportId, mode: input.mode, source },
      { onProgress },
    );
    return {
      ok: true,
      inserted: result.inserted,
      deleted: result.deleted,
      warnings: toCells(result.warnings, locale),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'IMPORT_HAS_ERRORS') {
      refusal.error = error;
      const months = (await getReport(db, scope, input.reportId)).months.map((m) => m.month);
      if (fileRows.length === 0)
        fileRows = (await parsePersonFile(new Uint8Array(await file.arrayBuffer()), months)).rows;
      // Corrections come last, so the corrected version of a line wins.
      const latest = new Map(fileRows.map((r) => [r.line, r]));
      const lines = new Set(error.rejected.map((c) => c.line));
      return {
        ok: false,
        code: 'IMPORT_HAS_ERRORS',
        message: errorMessage(error.code, error.params, locale),
        cells: toCells(error.rejected.slice(0, MAX_EDITABLE_ROWS * 3), locale),
        rows: rejectedRows([...latest.values()], error.rejected, months),
        truncated: lines.size > MAX_EDITABLE_ROWS,
      };
    }
    // A refusal of no row and no field is the file's (its type, encoding, columns).
    if (error.field === undefined && error.line === undefined && error.code !== 'NOT_FOUND')
      throw new AppError(error.code, { params: error.params, field: 'file' });
    throw error;
  }
}

/** "Yoxla" on the corrected rows: the same checks as the import, nothing written. */
export async function checkCorrectedRows(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; mode: ImportMode; rows: readonly unknown[] },
  locale: Locale,
): Promise<{ cells: ImportCell[] }> {
  const result = await validateRowsJson(db, scope, input);
  return { cells: toCells(result.rejected, locale) };
}

/** What the import action answers: done with its message, the refused rows, or a refusal. */
export type ImportOutcome =
  ActionResult<{ message: string; warnings: ImportCell[] }> | ImportRejection;
