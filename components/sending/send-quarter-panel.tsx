'use client';

import Link from 'next/link';
import { useTranslations } from '@/lib/i18n/client/texts';
import { statusWordKey } from '@/lib/i18n/status-words';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { SigningDialog } from './signing-dialog';
import type { CardAnswerResult } from '@/lib/server/signing/signing-views';
import type {
  CancelResult,
  CompleteQuarterResult,
  ExcludedView,
  QuarterReport,
  QuarterResultView,
  SigningSession,
  StartQuarterResult,
} from '@/lib/server/submissions/sending-views';

export type QuarterActions = {
  start: (input: { year: number; quarter: number }) => Promise<StartQuarterResult>;
  answerCard: (input: { sessionId: string; pin: string }) => Promise<CardAnswerResult>;
  complete: (input: { batchId: string; jws?: string | null }) => Promise<CompleteQuarterResult>;
  cancel: (sessionId: string) => Promise<CancelResult>;
};

type Props = {
  years: number[];
  defaultYear: number;
  defaultQuarter: number;
  actions: QuarterActions;
  simulatorsOn: boolean;
};

type Batch = {
  batchId: string;
  session: SigningSession;
  included: QuarterReport[];
  year: number;
  quarter: number;
};

function ExcludedList({ excluded, title }: { excluded: ExcludedView[]; title: string }) {
  if (excluded.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="font-semibold">{title}</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="quarter-excluded">
        {excluded.map((e) => (
          <li key={e.reportId}>
            <a href={e.href}>
              {e.activityCode} · {e.reportType}
            </a>
            : {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "GÖNDƏR" of a whole quarter (SPEC G3): every draft of the chosen year and quarter that passes
 * the final validation is signed once; the rest are listed with why. Then one row per report:
 * receipt number and outcome, or the reason it was not sent.
 */
export function SendQuarterPanel({
  years,
  defaultYear,
  defaultQuarter,
  actions,
  simulatorsOn,
}: Props) {
  const t = useTranslations('sending');
  const ts = useTranslations('reportStatus');
  const [year, setYear] = useState(defaultYear);
  const [quarter, setQuarter] = useState(defaultQuarter);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [signing, setSigning] = useState<SigningSession | null>(null);
  const [excluded, setExcluded] = useState<ExcludedView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<{
    results: QuarterResultView[];
    included: QuarterReport[];
    year: number;
    quarter: number;
  } | null>(null);
  const [pending, startTransition] = useTransition();
  const { start, complete } = actions;
  const errorBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorBox.current?.focus();
  }, [error]);

  const send = () =>
    startTransition(async () => {
      setError(null);
      setResults(null);
      setExcluded([]);
      const result = await start({ year, quarter });
      setExcluded(result.excluded ?? []);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setBatch({
        batchId: result.batchId,
        session: result.session,
        included: result.included,
        year,
        quarter,
      });
      setSigning(result.session);
    });

  const onSigned = useCallback(
    (jws: string | null) => {
      if (!batch) return;
      setSigning(null);
      const { batchId, included, year: y, quarter: q } = batch;
      startTransition(async () => {
        const result = await complete({ batchId, jws });
        if (result.ok) setResults({ results: result.results, included, year: y, quarter: q });
        else setError(result.message);
      });
    },
    [batch, complete],
  );

  const onEnded = useCallback((message: string) => {
    setSigning(null);
    setError(message);
  }, []);

  const periodText = (y: number, q: number) => `${y}, ${t(`q${q}` as 'q1')}`;

  const label = (reportId: string, included: QuarterReport[]) => {
    const r = included.find((x) => x.reportId === reportId);
    return r ? `${r.activityCode} · ${r.reportType}` : reportId;
  };

  return (
    <section
      className="mt-4 rounded-lg border border-line bg-surface p-4"
      aria-labelledby="send-quarter-title"
      data-testid="send-quarter"
    >
      <h3 id="send-quarter-title" className="text-lg font-semibold">
        {t('quarterTitle')}
      </h3>
      <p className="mt-1 max-w-prose text-sm text-muted">{t('quarterLead')}</p>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <div>
          <label htmlFor="send-year" className="block font-semibold">
            {t('year')}
          </label>
          <select
            id="send-year"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            className="mt-1 min-h-11 rounded-md border-2 border-ink/70 px-3"
            data-testid="send-quarter-year"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="send-quarter-select" className="block font-semibold">
            {t('quarter')}
          </label>
          <select
            id="send-quarter-select"
            value={quarter}
            onChange={(e) => setQuarter(Number(e.target.value))}
            className="mt-1 min-h-11 rounded-md border-2 border-ink/70 px-3"
            data-testid="send-quarter-quarter"
          >
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t(`q${q}` as 'q1')}
              </option>
            ))}
          </select>
        </div>
        <Button
          type="submit"
          disabled={pending || signing !== null}
          data-testid="send-quarter-submit"
        >
          {t('send')}
        </Button>
        {pending ? (
          <span role="status" className="text-muted">
            {t('working')}
          </span>
        ) : null}
      </form>
      {error ? (
        <p
          className="mt-3 rounded-md border-2 border-danger bg-danger-50 p-3 font-semibold text-danger"
          ref={errorBox}
          tabIndex={-1}
          role="alert"
          data-testid="send-quarter-error"
        >
          {error}
        </p>
      ) : null}
      <ExcludedList excluded={excluded} title={t('excludedTitle', { count: excluded.length })} />
      {results ? (
        <div role="status" aria-live="polite" className="mt-4">
          <h3 className="font-semibold">
            {t('resultsTitle', { period: periodText(results.year, results.quarter) })}
          </h3>
          <div className="mt-2 overflow-x-auto">
            <table
              className="w-full min-w-[20rem] border-collapse text-left text-sm"
              data-testid="quarter-results"
            >
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2 pr-3">
                    {t('colReport')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('colReceipt')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('colOutcome')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.results.map((r) => (
                  <tr
                    key={r.reportId}
                    className="border-b border-line align-top"
                    data-testid="quarter-result"
                  >
                    <td className="py-2 pr-3">{label(r.reportId, results.included)}</td>
                    {r.ok ? (
                      <>
                        <td className="py-2 pr-3">
                          <a href={`/reports/submissions/${r.submission.submissionId}/receipt`}>
                            {r.submission.receiptNumber}
                          </a>
                          <span className="block text-muted">{r.submission.receivedAt}</span>
                        </td>
                        <td className="py-2" data-status={r.submission.status}>
                          {ts(statusWordKey(r.submission.status) ?? 'RECEIVED')}
                          {r.submission.status === 'RETURNED' ? (
                            <ul className="mt-1 list-disc pl-5">
                              {r.submission.returnReasons.map((p, i) => (
                                <li key={`${i}-${p.text}`}>
                                  {p.href ? <a href={p.href}>{p.text}</a> : p.text}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {r.submission.late ? (
                            <span className="block text-warning">
                              {t('late', { due: r.submission.dueDate })}
                            </span>
                          ) : null}
                        </td>
                      </>
                    ) : (
                      <>
                        <td className="py-2 pr-3">—</td>
                        <td className="py-2 text-danger">{r.message}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2">
            <Link href="/reports/registry" className="inline-flex min-h-11 items-center">
              {t('registryLink')}
            </Link>
          </p>
        </div>
      ) : null}
      <SigningDialog
        session={signing}
        simulatorsOn={simulatorsOn}
        answerCard={actions.answerCard}
        cancel={actions.cancel}
        onSigned={onSigned}
        onEnded={onEnded}
      >
        <p className="font-semibold">
          {t('signingQuarter', {
            period: periodText(batch?.year ?? year, batch?.quarter ?? quarter),
            count: batch?.included.length ?? 0,
          })}
        </p>
        <ul className="mt-1 list-disc pl-5 text-sm" data-testid="quarter-included">
          {batch?.included.map((r) => (
            <li key={r.reportId}>
              {r.activityCode} · {r.reportType}
            </li>
          ))}
        </ul>
        {excluded.length > 0 ? (
          <p className="mt-1 text-sm text-warning">
            {t('excludedNote', { count: excluded.length })}
          </p>
        ) : null}
      </SigningDialog>
    </section>
  );
}
