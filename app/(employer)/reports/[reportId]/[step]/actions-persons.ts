'use server';

import { z } from 'zod';
import { stepById } from '@/lib/report-wizard/steps';
import { serverLocale } from '@/lib/i18n/server-locale';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { ZFormIgnored, ZId, ZStepId } from '@/lib/server/action-schemas';
import { employerAction, redirectTo } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { AppError, checkEveryField } from '@/lib/server/errors';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import {
  checkCorrectedRows,
  importPersonsFromForm,
  readCorrections,
} from '@/lib/server/reports/import/import-from-form';
import { importJobReporter, startImportJob } from '@/lib/server/reports/import/start-import-job';
import { toJobAnswer } from '@/lib/server/jobs/job-message';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { deleteReportPerson } from '@/lib/server/reports/persons/delete-report-person';
import { normalizePersonFin } from '@/lib/server/reports/persons/person-input';
import { prefillPersonsFromRoster } from '@/lib/server/reports/persons/prefill-persons-from-roster';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { confirmWarnings } from '@/lib/server/reports/review/confirm-warnings';
import { markReportReady } from '@/lib/server/reports/review/mark-report-ready';
import { addSeniority } from '@/lib/server/reports/seniority/add-seniority';
import { deleteSeniority } from '@/lib/server/reports/seniority/delete-seniority';
import { findSignatory, toFoundPerson } from '@/lib/server/reports/signatories/find-signatory';
import { saveSignatory } from '@/lib/server/reports/signatories/save-signatory';
import { typedAmount } from '@/lib/server/reports/typed-amount';
import {
  ZFinText,
  ZImportForm,
  ZImportMode,
  ZImportRows,
  ZIncomeTexts,
  ZPersonInput,
  ZSeniorityInput,
  ZSignatoryInput,
  ZSignatoryQuery,
  ZWarningConfirmations,
} from '@/lib/server/reports/wizard-inputs';
import { nextStepHref } from './next-step-href';

// SPEC F19–F25 and the check-answers page. Every export is a public endpoint: the action client
// guards it and parses its arguments, the use case re-loads the report through the scope and
// checks the values again.

/**
 * The quarter's incomes as typed: '' = not employed that month, otherwise parsed exactly. Each
 * wrong month is its own refusal (`incomes.0` …), for checkEveryField to list with the rest.
 */
function incomeChecks(texts: readonly string[]): (() => number | null)[] {
  return [0, 1, 2].map((i) => () => {
    const text = (texts[i] ?? '').trim();
    return text === '' ? null : typedAmount(text, `incomes.${i}`);
  });
}

const fullName = (p: { surname: string; name: string; patronymic: string }) =>
  `${p.surname} ${p.name} ${p.patronymic}`.trim();

/** "Növbəti" on a step saved by its own use case (F19–F22, F25): just moves on. */
export const goNextAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZStepId, ZFormIgnored]),
  async (scope, reportId, stepId, _form?: unknown) => {
    const step = stepById(stepId);
    if (!step) throw new AppError('STEP_UNKNOWN', { field: 'step' });
    return redirectTo(await nextStepHref(scope, reportId, step.id));
  },
  { name: 'goNext' },
);

/** "Bölüşdür" (F19) and "BÖLÜŞDÜR" (F22). */
export const distributeAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId) => {
    const outcome = await distributeReport(await getDb(), scope, { reportId });
    const t = await serverTranslations('wizardPersons');
    const message =
      outcome.warnings.length === 0
        ? t('distributedClean')
        : t('distributedWithWarnings', { count: outcome.warnings.length });
    return { ok: true as const, message };
  },
  { name: 'distribute' },
);

/** F20 "Əlavə et": FIN + incomes; the registry name is announced. A wrong FIN and wrong incomes are refused together. */
export const addPersonAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZPersonInput]),
  async (scope, reportId, input) => {
    const [, ...incomesQepik] = checkEveryField([
      () => {
        const fin = normalizePersonFin(input.fin);
        if (!fin.ok) throw new AppError(fin.code, { field: 'fin' });
        return fin.fin;
      },
      ...incomeChecks(input.incomes),
    ]);
    const added = await addReportPerson(await getDb(), scope, {
      reportId,
      fin: input.fin,
      incomesQepik,
    });
    const t = await serverTranslations('wizardPersons');
    return {
      ok: true as const,
      message: t('personAdded', { name: fullName(added), fin: added.fin }),
    };
  },
  { name: 'addPerson' },
);

/** F20: a person's incomes changed. */
export const updatePersonAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZFinText, ZIncomeTexts]),
  async (scope, reportId, fin, values) => {
    const incomesQepik = checkEveryField(incomeChecks(values));
    await updateReportPerson(await getDb(), scope, { reportId, fin, incomesQepik });
    const t = await serverTranslations('wizardPersons');
    return { ok: true as const, message: t('personUpdated', { fin }) };
  },
  { name: 'updatePerson' },
);

/** F20: a person removed (after the inline confirmation). */
export const deletePersonAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZFinText]),
  async (scope, reportId, fin) => {
    await deleteReportPerson(await getDb(), scope, { reportId, fin });
    const t = await serverTranslations('wizardPersons');
    return { ok: true as const, message: t('personDeleted', { fin }) };
  },
  { name: 'deletePerson' },
);

/** F20: copy the employer's staff list for the activity code into the report. */
export const prefillAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId) => {
    const r = await prefillPersonsFromRoster(await getDb(), scope, { reportId });
    const t = await serverTranslations('wizardPersons');
    return {
      ok: true as const,
      message: t('prefillDone', { roster: r.rosterCount, added: r.added, skipped: r.skipped }),
    };
  },
  { name: 'prefill' },
);

/**
 * Bulk import (issue 5 §8): the file, and optionally the refused rows as corrected in the
 * browser (JSON, replacing those lines of the file). All or nothing: with any refused cell
 * nothing is written and the refused rows come back for editing.
 */
export const importPersonsAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZImportForm]),
  async (scope, reportId, form) => {
    if (!form.file) throw new AppError('FILE_NOT_CHOSEN', { field: 'file' });
    const db = await getDb();
    const job = form.job
      ? await importJobReporter(db, scope, { jobId: form.job, reportId })
      : undefined;
    const outcome = await importPersonsFromForm(
      db,
      scope,
      {
        reportId,
        mode: form.mode ?? 'replace',
        file: form.file,
        corrections: readCorrections(form.rows),
      },
      await serverLocale(),
      job,
    );
    if (!outcome.ok) return outcome;
    const t = await serverTranslations('wizardPersons');
    return {
      ok: true as const,
      message: t('importDone', { inserted: outcome.inserted, deleted: outcome.deleted }),
      warnings: outcome.warnings,
    };
  },
  { name: 'importPersons' },
);

/**
 * Before the file goes up (issue 15 §6): the job row the page then polls while the import
 * runs, and finds again when it is reopened.
 */
export const startImportAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId) => {
    const job = await startImportJob(await getDb(), scope, { reportId });
    return { ok: true as const, job: toJobAnswer(job, await serverLocale()) };
  },
  { name: 'startImport' },
);

/** "Yoxla" on the corrected rows: the same checks, nothing written. */
export const checkRowsAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZImportMode, ZImportRows]),
  async (scope, reportId, mode, rows) => {
    const result = await checkCorrectedRows(
      await getDb(),
      scope,
      { reportId, mode, rows },
      await serverLocale(),
    );
    return { ok: true as const, cells: result.cells };
  },
  { name: 'checkRows' },
);

/** F24: a person with preferential seniority, for a number of days or from–to. */
export const addSeniorityAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZSeniorityInput]),
  async (scope, reportId, input) => {
    const byDays = input.period !== 'dates';
    const daysText = input.days.trim();
    if (byDays && daysText !== '' && !/^\d{1,4}$/.test(daysText))
      throw new AppError('SENIORITY_DAYS_WHOLE', { field: 'days' });
    await addSeniority(await getDb(), scope, {
      reportId,
      fin: input.fin,
      entryId: /^\d{1,9}$/.test(input.entryId) ? Number(input.entryId) : -1,
      days: byDays && daysText !== '' ? Number(daysText) : null,
      fromDate: byDays ? null : input.fromDate || null,
      toDate: byDays ? null : input.toDate || null,
    });
    const t = await serverTranslations('wizardPersons');
    return { ok: true as const, message: t('seniorityAdded') };
  },
  { name: 'addSeniority' },
);

/** F24: one seniority row removed. */
export const deleteSeniorityAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZId, ZFormIgnored]),
  async (scope, reportId, id, _form?: unknown) => {
    await deleteSeniority(await getDb(), scope, { reportId, id });
    const t = await serverTranslations('wizardPersons');
    return { ok: true as const, message: t('seniorityDeleted') };
  },
  { name: 'deleteSeniority' },
);

/** F25 "AXTAR": the person with this FIN and document type, or the refusal at the FIN field. */
export const findSignatoryAction = employerAction(
  'REPORTS',
  z.tuple([ZSignatoryQuery]),
  async (scope, input) => {
    const found = await findSignatory(await getDb(), scope, input);
    return { ok: true as const, person: toFoundPerson(found) };
  },
  { name: 'findSignatory' },
);

/** F25 "Əlavə et": the person is looked up again by the use case, never taken from the client. */
export const saveSignatoryAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZSignatoryInput]),
  async (scope, reportId, input) => {
    const saved = await saveSignatory(await getDb(), scope, { reportId, ...input });
    const t = await serverTranslations('wizardPersons');
    return { ok: true as const, message: t('signatorySaved', { name: fullName(saved) }) };
  },
  { name: 'saveSignatory' },
);

/** Check answers: warnings confirmed with a reason each. */
export const confirmWarningsAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZWarningConfirmations]),
  async (scope, reportId, confirmations) => {
    await confirmWarnings(await getDb(), scope, { reportId, confirmations });
    const t = await serverTranslations('wizardPersons');
    return { ok: true as const, message: t('warningsConfirmed') };
  },
  { name: 'confirmWarnings' },
);

/** Check answers: the draft is ready to send (refused while blocking errors or unconfirmed warnings exist). */
export const markReadyAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId) => {
    await markReportReady(await getDb(), scope, { reportId });
    const t = await serverTranslations('wizardPersons');
    return { ok: true as const, message: t('readyDone') };
  },
  { name: 'markReady' },
);
