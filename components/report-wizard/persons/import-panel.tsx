'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { JobProgress } from '@/components/jobs/job-progress';
import { ImportErrors } from './import-errors';
import type { ActionResult } from '@/lib/server/actions';
import type { JobAnswer } from '@/lib/server/jobs/job-message';
import type {
  ImportCell,
  ImportOutcome,
  ImportRow,
} from '@/lib/server/reports/import/import-from-form';
import type { MonthColumn } from './persons-types';
import { RejectedRowsTable, type EditableRow } from './rejected-rows-table';
import { Spinner } from './spinner';
import { StatusNote } from './status-note';

type Props = {
  months: MonthColumn[];
  templateHref: string;
  maxMb: number;
  importFile: (form: FormData) => Promise<ImportOutcome>;
  /** Writes the job row the panel then polls (issue 15 §6). */
  startImport: () => Promise<ActionResult<{ job: JobAnswer }>>;
  /** The report's last import job, shown again when the step is reopened. */
  latestJob: JobAnswer | null;
  checkRows: (mode: string, rows: ImportRow[]) => Promise<ActionResult<{ cells: ImportCell[] }>>;
};

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Bulk import of the persons table (issue 5 §8): CSV or XLSX, replace or append. Refused rows
 * come back editable; "İdxal et" then sends the file again with the corrected rows, and the
 * whole import applies or nothing does.
 */
export function ImportPanel({
  months,
  templateHref,
  maxMb,
  importFile,
  checkRows,
  startImport,
  latestJob,
}: Props) {
  const t = useTranslations('wizardPersons');
  const tj = useTranslations('jobs');
  const [job, setJob] = useState<JobAnswer | null>(latestJob);
  const tw = useTranslations('wizard');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'replace' | 'append'>('replace');
  const [rows, setRows] = useState<EditableRow[]>([]);
  const [cells, setCells] = useState<ImportCell[]>([]);
  const [failure, setFailure] = useState<{
    message: string;
    field?: string;
    truncated: boolean;
  } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<ImportCell[]>([]);
  const [pending, startTransition] = useTransition();

  function submit() {
    if (!file) {
      setFailure({ message: t('importNoFile'), field: 'file', truncated: false });
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      setFailure({ message: t('fileTooLarge', { maxMb }), field: 'file', truncated: false });
      return;
    }
    const form = new FormData();
    form.set('file', file);
    form.set('mode', mode);
    if (rows.length > 0) form.set('rows', JSON.stringify(rows));
    setStatus(null);
    startTransition(async () => {
      // Without its job row the import still runs; only its progress is not shown.
      const started = await startImport();
      if (started.ok) {
        form.set('job', started.job.id);
        setJob(started.job);
      }
      const outcome = await importFile(form);
      if (outcome.ok) {
        setFailure(null);
        setRows([]);
        setCells([]);
        setWarnings(outcome.warnings);
        setStatus(outcome.message);
        router.refresh();
      } else {
        // A refusal of the file or the form has no rows; refused rows come with their cells.
        const refused = 'rows' in outcome ? outcome : { cells: [], rows: [], truncated: false };
        setFailure({
          message: outcome.message,
          field: outcome.field,
          truncated: refused.truncated,
        });
        setCells(refused.cells);
        setWarnings([]);
        // Rows corrected earlier stay in the list (they are sent again); newly refused ones join it.
        setRows((previous) => {
          const known = new Set(previous.map((r) => r.line));
          const added = refused.rows
            .filter((r) => !known.has(r.line))
            .map((r) => ({ ...r, skip: false }));
          return [...previous, ...added].sort((a, b) => a.line - b.line);
        });
      }
    });
  }

  function check() {
    startTransition(async () => {
      const result = await checkRows(
        mode,
        rows.filter((r) => !r.skip),
      );
      if (result.ok) {
        setCells(result.cells);
        setStatus(result.cells.length === 0 ? t('rowsValid') : null);
      } else setFailure({ message: result.message, truncated: false });
    });
  }

  const summary = failure
    ? [{ message: failure.message, fieldId: failure.field === 'file' ? 'import-file' : undefined }]
    : [];
  return (
    <section
      aria-labelledby="import-title"
      className="rounded-md border border-line p-4"
      data-testid="import-panel"
    >
      <h2 id="import-title" className="mb-2 text-lg font-semibold">
        {t('importTitle')}
      </h2>
      <p className="mb-2 max-w-prose text-sm text-muted">{t('importHint', { maxMb })}</p>
      <p className="mb-4 flex flex-wrap gap-4 text-sm">
        <a href={`${templateHref}?format=xlsx`} download data-testid="template-xlsx">
          {t('templateXlsx')}
        </a>
        <a href={`${templateHref}?format=csv`} download data-testid="template-csv">
          {t('templateCsv')}
        </a>
      </p>
      <ErrorSummary title={tw('errorSummary')} errors={summary} />
      <StatusNote text={status} testId="import-status" />
      {job ? <JobProgress key={job.id} initial={job} title={tj('importTitle')} /> : null}
      <div className="mb-4">
        <label htmlFor="import-file" className="block font-semibold">
          {t('importFile')}
        </label>
        <p id="import-file-hint" className="text-sm text-muted">
          {t('importFileHint')}
        </p>
        {failure?.field === 'file' ? (
          <p id="import-file-error" className="mt-1 font-semibold text-danger">
            {failure.message}
          </p>
        ) : null}
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={
            failure?.field === 'file' ? 'import-file-hint import-file-error' : 'import-file-hint'
          }
          className="mt-1 block min-h-11 w-full max-w-md"
          data-testid="import-file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setRows([]);
            setCells([]);
            setFailure(null);
          }}
        />
      </div>
      <fieldset className="mb-4">
        <legend className="font-semibold">{t('importMode')}</legend>
        {(['replace', 'append'] as const).map((m) => (
          <label key={m} className="mt-1 flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="import-mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              className="h-5 w-5"
              data-testid={`import-mode-${m}`}
            />
            {t(m === 'replace' ? 'modeReplace' : 'modeAppend')}
          </label>
        ))}
      </fieldset>
      {cells.length > 0 ? <ImportErrors cells={cells} months={months} /> : null}
      {failure?.truncated ? (
        <p className="mb-3 rounded-md bg-warning-50 p-3">{t('importTruncated')}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="mb-4">
          <p className="mb-2 max-w-prose">{t('fixHint')}</p>
          <RejectedRowsTable rows={rows} cells={cells} months={months} onChange={setRows} />
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div className="mb-4 rounded-md bg-warning-50 p-3" data-testid="import-warnings">
          <p className="font-semibold">{t('importWarnings', { count: warnings.length })}</p>
          <ul className="list-disc pl-5 text-sm">
            {warnings.slice(0, 50).map((w) => (
              <li key={`${w.line}-${w.column}`}>
                {t('cellMessage', { line: w.line, column: w.column, message: w.message })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={submit} disabled={pending} data-testid="import-submit">
          {rows.length > 0 ? t('importAgain') : t('importSubmit')}
        </Button>
        {rows.length > 0 ? (
          <Button variant="secondary" onClick={check} disabled={pending} data-testid="import-check">
            {t('checkRows')}
          </Button>
        ) : null}
      </div>
      <p aria-live="polite" className="mt-3" data-testid="import-progress">
        {pending ? (
          <>
            <Spinner />{' '}
            {file ? t('importing', { name: file.name, size: kb(file.size) }) : t('working')}
          </>
        ) : null}
      </p>
    </section>
  );
}
