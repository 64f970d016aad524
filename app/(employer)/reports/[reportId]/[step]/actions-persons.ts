'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import type {
  FindResult,
  ImportCell,
  ImportOutcome,
  ImportRow,
  PersonsResult,
} from '@/components/report-wizard/persons/persons-types';
import { formatMessage, parseAmount } from '@/lib/domain';
import { nextStep, stepById, type StepId } from '@/lib/report-wizard/steps';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { getReport } from '@/lib/server/reports/get-report';
import { importPersons } from '@/lib/server/reports/import/import-persons';
import { MAX_FILE_BYTES, parsePersonFile } from '@/lib/server/reports/import/parse-person-file';
import type { PersonRowInput, RejectedCell } from '@/lib/server/reports/import/person-rows';
import { validateRowsJson } from '@/lib/server/reports/import/validate-rows-json';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { deleteReportPerson } from '@/lib/server/reports/persons/delete-report-person';
import { normalizePersonFin } from '@/lib/server/reports/persons/person-input';
import { prefillPersonsFromRoster } from '@/lib/server/reports/persons/prefill-persons-from-roster';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { confirmWarnings } from '@/lib/server/reports/review/confirm-warnings';
import { markReportReady } from '@/lib/server/reports/review/mark-report-ready';
import { addSeniority } from '@/lib/server/reports/seniority/add-seniority';
import { deleteSeniority } from '@/lib/server/reports/seniority/delete-seniority';
import { findSignatory } from '@/lib/server/reports/signatories/find-signatory';
import { saveSignatory } from '@/lib/server/reports/signatories/save-signatory';
import { toUserError } from '@/lib/server/user-error';
import { AppError, isAppError } from '@/lib/server/errors';
import { errorMessage } from '@/lib/server/error-messages';

// SPEC F19–F25 and the check-answers page. Every export is a public endpoint: each calls the
// guard, and the use case re-loads the report through the scope and validates again.

/** How many refused rows an import answer carries back for editing; more means "fix the file". */
const MAX_EDITABLE_ROWS = 500;

async function refusal(error: unknown): Promise<{ ok: false; field?: string; message: string }> {
  const user = toUserError(error, await serverLocale());
  return { ok: false, field: user.field, message: user.message };
}

/** Runs a use case that stays on the page; refusals come back for the form. */
async function stay(
  run: (scope: EmployerScope) => Promise<string | undefined>,
): Promise<PersonsResult> {
  const scope = await requireEmployerAccess('REPORTS');
  try {
    return { ok: true, message: await run(scope) };
  } catch (error) {
    return refusal(error);
  }
}

type FieldRefusal = { field: string; message: string };

/** Several field errors as one refusal: the first in field/message, all in fieldErrors. */
function refusedFields(errors: readonly FieldRefusal[]): {
  ok: false;
  field?: string;
  message: string;
  fieldErrors: FieldRefusal[];
} {
  return {
    ok: false,
    field: errors[0]?.field,
    message: errors[0]?.message ?? '',
    fieldErrors: [...errors],
  };
}

/** Amounts as typed, per month: '' = not employed that month; otherwise parsed exactly. Every wrong month is refused at once. */
async function parseIncomes(
  values: unknown,
): Promise<{ ok: true; qepik: (number | null)[] } | { ok: false; errors: FieldRefusal[] }> {
  const locale = await serverLocale();
  const list = Array.isArray(values) ? values.slice(0, 3) : [];
  const qepik: (number | null)[] = [];
  const errors: FieldRefusal[] = [];
  for (let i = 0; i < 3; i += 1) {
    const text = String(list[i] ?? '').trim();
    if (text === '') {
      qepik.push(null);
      continue;
    }
    const parsed = parseAmount(text);
    if (!parsed.ok)
      errors.push({
        field: `incomes.${i}`,
        message: formatMessage(parsed.code, parsed.params, locale),
      });
    else qepik.push(parsed.value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, qepik };
}

/** "Növbəti" on a step saved by its own use case (F19–F22, F25): just moves on. */
export async function goNextAction(reportId: string, stepId: string): Promise<void> {
  const step = stepById(String(stepId));
  if (!step) return;
  const scope = await requireEmployerAccess('REPORTS');
  const summary = await getDraftSummary(await getDb(), scope, String(reportId));
  const next = nextStep(summary, step.id as StepId);
  redirect(`/reports/${String(reportId)}/${next?.slug ?? 'check-answers'}`);
}

/** "Bölüşdür" (F19) and "BÖLÜŞDÜR" (F22). */
export async function distributeAction(reportId: string): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    const outcome = await distributeReport(await getDb(), scope, { reportId: String(reportId) });
    return outcome.warnings.length === 0
      ? t('distributedClean')
      : t('distributedWithWarnings', { count: outcome.warnings.length });
  });
}

/** F20 "Əlavə et": FIN + incomes; the registry name is announced. A wrong FIN and wrong incomes are refused together. */
export async function addPersonAction(
  reportId: string,
  input: { fin: string; incomes: string[] },
): Promise<PersonsResult> {
  const incomes = await parseIncomes(input?.incomes);
  const fin = normalizePersonFin(String(input?.fin ?? ''));
  const errors = [
    ...(fin.ok
      ? []
      : [{ field: 'fin', message: errorMessage(fin.code, {}, await serverLocale()) }]),
    ...(incomes.ok ? [] : incomes.errors),
  ];
  if (!incomes.ok || errors.length > 0) return refusedFields(errors);
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    const added = await addReportPerson(await getDb(), scope, {
      reportId: String(reportId),
      fin: String(input?.fin ?? ''),
      incomesQepik: incomes.qepik,
    });
    return t('personAdded', {
      name: `${added.surname} ${added.name} ${added.patronymic}`.trim(),
      fin: added.fin,
    });
  });
}

/** F20: a person's incomes changed. */
export async function updatePersonAction(
  reportId: string,
  fin: string,
  values: string[],
): Promise<PersonsResult> {
  const incomes = await parseIncomes(values);
  if (!incomes.ok) return refusedFields(incomes.errors);
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    await updateReportPerson(await getDb(), scope, {
      reportId: String(reportId),
      fin: String(fin),
      incomesQepik: incomes.qepik,
    });
    return t('personUpdated', { fin: String(fin) });
  });
}

/** F20: a person removed (after the inline confirmation). */
export async function deletePersonAction(reportId: string, fin: string): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    await deleteReportPerson(await getDb(), scope, {
      reportId: String(reportId),
      fin: String(fin),
    });
    return t('personDeleted', { fin: String(fin) });
  });
}

/** F20: copy the employer's staff list for the activity code into the report. */
export async function prefillAction(reportId: string): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    const r = await prefillPersonsFromRoster(await getDb(), scope, { reportId: String(reportId) });
    return t('prefillDone', { roster: r.rosterCount, added: r.added, skipped: r.skipped });
  });
}

function toCells(cells: readonly RejectedCell[], locale: 'az' | 'en'): ImportCell[] {
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

/** Corrected rows sent back from the browser: the shape is checked again by the use case. */
function readCorrections(text: FormDataEntryValue | null): unknown[] {
  if (typeof text !== 'string' || text === '') return [];
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

/**
 * Bulk import (issue 5 §8): the file, and optionally the refused rows as corrected in the
 * browser (JSON, replacing those lines of the file). All or nothing: with any refused cell
 * nothing is written and the refused rows come back for editing.
 */
export async function importPersonsAction(
  reportId: string,
  form: FormData,
): Promise<ImportOutcome> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  const t = await getTranslations('wizardPersons');
  const file = form.get('file');
  const mode = form.get('mode') === 'append' ? 'append' : 'replace';
  if (!(file instanceof File) || file.size === 0)
    return {
      ok: false,
      field: 'file',
      message: t('importNoFile'),
      cells: [],
      rows: [],
      truncated: false,
    };
  const db = await getDb();
  let fileRows: PersonRowInput[] = [];
  try {
    if (file.size > MAX_FILE_BYTES)
      throw new AppError('FILE_TOO_LARGE', {
        field: 'file',
        params: { maxMb: MAX_FILE_BYTES / 1024 / 1024 },
      });
    const data = new Uint8Array(await file.arrayBuffer());
    const corrections = readCorrections(form.get('rows'));
    let source: Parameters<typeof importPersons>[2]['source'] = { kind: 'file', data };
    if (corrections.length > 0) {
      const months = (await getReport(db, scope, String(reportId))).months.map((m) => m.month);
      const corrected = new Set(corrections.map(lineOf));
      fileRows = (await parsePersonFile(data, months)).rows;
      // A row the user chose to leave out is corrected away: its line is dropped.
      const kept = corrections.filter(
        (c) => !(typeof c === 'object' && c !== null && (c as { skip?: unknown }).skip === true),
      );
      const merged = [...fileRows.filter((r) => !corrected.has(r.line)), ...kept].sort(
        (a, b) => (lineOf(a) ?? 0) - (lineOf(b) ?? 0),
      );
      source = { kind: 'rows', rows: merged };
      fileRows = [...fileRows, ...(kept as PersonRowInput[])];
    }
    const result = await importPersons(db, scope, { reportId: String(reportId), mode, source });
    return {
      ok: true,
      message: t('importDone', { inserted: result.inserted, deleted: result.deleted }),
      warnings: toCells(result.warnings, locale),
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'IMPORT_HAS_ERRORS') {
      const months = (await getReport(db, scope, String(reportId))).months.map((m) => m.month);
      if (fileRows.length === 0)
        fileRows = (await parsePersonFile(new Uint8Array(await file.arrayBuffer()), months)).rows;
      // Corrections come last, so the corrected version of a line wins.
      const latest = new Map(fileRows.map((r) => [r.line, r]));
      const lines = new Set(error.rejected.map((c) => c.line));
      return {
        ok: false,
        message: (await refusal(error)).message,
        cells: toCells(error.rejected.slice(0, MAX_EDITABLE_ROWS * 3), locale),
        rows: rejectedRows([...latest.values()], error.rejected, months),
        truncated: lines.size > MAX_EDITABLE_ROWS,
      };
    }
    const r = await refusal(error);
    const field = r.field ?? (isAppError(error) && error.line === undefined ? 'file' : undefined);
    return { ok: false, field, message: r.message, cells: [], rows: [], truncated: false };
  }
}

/** "Yoxla" on the corrected rows: the same checks, nothing written. */
export async function checkRowsAction(
  reportId: string,
  mode: string,
  rows: ImportRow[],
): Promise<{ ok: true; cells: ImportCell[] } | { ok: false; message: string }> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  try {
    const result = await validateRowsJson(await getDb(), scope, {
      reportId: String(reportId),
      mode: mode === 'append' ? 'append' : 'replace',
      rows,
    });
    return { ok: true, cells: toCells(result.rejected, locale) };
  } catch (error) {
    return refusal(error);
  }
}

/** F24: a person with preferential seniority, for a number of days or from–to. */
export async function addSeniorityAction(
  reportId: string,
  input: {
    fin: string;
    entryId: string;
    period: string;
    days: string;
    fromDate: string;
    toDate: string;
  },
): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  const byDays = input?.period !== 'dates';
  const daysText = String(input?.days ?? '').trim();
  if (byDays && daysText !== '' && !/^\d{1,4}$/.test(daysText))
    return { ok: false, field: 'days', message: t('daysWhole') };
  return stay(async (scope) => {
    await addSeniority(await getDb(), scope, {
      reportId: String(reportId),
      fin: String(input?.fin ?? ''),
      entryId: /^\d{1,9}$/.test(String(input?.entryId ?? '')) ? Number(input.entryId) : -1,
      days: byDays && daysText !== '' ? Number(daysText) : null,
      fromDate: byDays ? null : String(input?.fromDate ?? '') || null,
      toDate: byDays ? null : String(input?.toDate ?? '') || null,
    });
    return t('seniorityAdded');
  });
}

export async function deleteSeniorityAction(reportId: string, id: string): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    await deleteSeniority(await getDb(), scope, { reportId: String(reportId), id: String(id) });
    return t('seniorityDeleted');
  });
}

/** F25 "AXTAR": the person with this FIN and document type, or the refusal at the FIN field. */
export async function findSignatoryAction(input: {
  fin: string;
  documentType: string;
}): Promise<FindResult> {
  const scope = await requireEmployerAccess('REPORTS');
  try {
    const p = await findSignatory(await getDb(), scope, {
      fin: String(input?.fin ?? ''),
      documentType: String(input?.documentType ?? ''),
    });
    return {
      ok: true,
      person: {
        fin: p.fin,
        fullName: `${p.surname} ${p.name} ${p.patronymic}`.trim(),
        documentType: p.documentType,
      },
    };
  } catch (error) {
    return refusal(error);
  }
}

/** F25 "Əlavə et": the person is looked up again by the use case, never taken from the client. */
export async function saveSignatoryAction(
  reportId: string,
  input: { role: string; fin: string; documentType: string },
): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    const saved = await saveSignatory(await getDb(), scope, {
      reportId: String(reportId),
      role: String(input?.role ?? ''),
      fin: String(input?.fin ?? ''),
      documentType: String(input?.documentType ?? ''),
    });
    return t('signatorySaved', {
      name: `${saved.surname} ${saved.name} ${saved.patronymic}`.trim(),
    });
  });
}

/** Check answers: warnings confirmed with a reason each. */
export async function confirmWarningsAction(
  reportId: string,
  confirmations: { key: string; reason: string }[],
): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  const list = (Array.isArray(confirmations) ? confirmations : []).map((c) => ({
    key: String(c?.key ?? ''),
    reason: String(c?.reason ?? ''),
  }));
  return stay(async (scope) => {
    await confirmWarnings(await getDb(), scope, {
      reportId: String(reportId),
      confirmations: list,
    });
    return t('warningsConfirmed');
  });
}

/** Check answers: the draft is ready to send (refused while blocking errors or unconfirmed warnings exist). */
export async function markReadyAction(reportId: string): Promise<PersonsResult> {
  const t = await getTranslations('wizardPersons');
  return stay(async (scope) => {
    await markReportReady(await getDb(), scope, { reportId: String(reportId) });
    return t('readyDone');
  });
}
