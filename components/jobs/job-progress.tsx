'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '@/lib/i18n/format-date';
import type { JobAnswer } from '@/lib/server/jobs/job-message';

const POLL_MS = 1000;

type Props = {
  /** The job as the server last saw it (the page that reopens, or just started). */
  initial: JobAnswer;
  title: string;
  /**
   * Refresh the page once a job watched here ends DONE (its lists show the saved rows). Off when
   * the caller moves on by itself (the send button opens the sent report).
   */
  refreshOnDone?: boolean;
  /** A registry row: the bar and the stage only. */
  compact?: boolean;
};

/** Every step a job of this kind goes through, in order (the stages of issue 15 §6). */
const STAGES: Record<JobAnswer['kind'], readonly string[]> = {
  IMPORT_PERSONS: ['READ', 'CHECK', 'SAVE'],
  SEND_REPORT: ['CHECKS', 'SIGNATURE', 'RECEIVED', 'AUTOMATIC_CHECKS', 'POSTING'],
};

/**
 * A long job's progress (issue 15 §6), polled from its row while it runs: a progress bar with
 * its text for assistive technology, the counts, and a polite live region announcing each stage
 * and the end. The row outlives the tab, so the page shows it again when reopened.
 */
export function JobProgress({ initial, title, refreshOnDone = true, compact = false }: Props) {
  const t = useTranslations('jobs');
  const [job, setJob] = useState(initial);
  const router = useRouter();
  const told = useRef(initial.status !== 'RUNNING');

  useEffect(() => {
    if (job.status !== 'RUNNING') return;
    let stop = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/reports/jobs/${job.id}`, { cache: 'no-store' });
        if (stop) return;
        if (response.ok) {
          const next = (await response.json()) as JobAnswer;
          if (!stop) setJob(next);
          return;
        }
      } catch {
        // Offline for a moment: retried below.
      }
      // A failed poll is retried on the next tick (a new object runs the effect again).
      if (!stop) setJob((j) => ({ ...j }));
    }, POLL_MS);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [job]);

  useEffect(() => {
    if (job.status === 'RUNNING' || told.current) return;
    told.current = true;
    // Watched to its end (e.g. reopened while it ran): the page's lists show the saved rows.
    if (job.status === 'DONE' && refreshOnDone) router.refresh();
  }, [job, router, refreshOnDone]);

  const stages = STAGES[job.kind];
  const stageIndex = Math.max(0, stages.indexOf(job.stage));
  const stageName = t.has(`stage.${job.stage}`) ? t(`stage.${job.stage}`) : job.stage;
  const total = job.total ?? 0;
  const isImport = job.kind === 'IMPORT_PERSONS';
  // One bar over the whole job: each stage is an equal part, its items fill that part. A send
  // fills only its posting stage by count (the person-months written of all).
  const inStage = isImport
    ? [job.counts.read, job.counts.checked, job.counts.saved][stageIndex]!
    : job.counts.saved;
  const filling = isImport || job.stage === 'POSTING';
  const part = filling && total > 0 ? Math.min(1, inStage / total) : 0;
  const percent =
    job.status === 'DONE' ? 100 : Math.floor(((stageIndex + part) / stages.length) * 100);
  // The width through the CSSOM, not a style attribute: the content security policy forbids
  // inline styles (style-src-attr 'none', issue 12 §8).
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (bar.current) bar.current.style.width = `${percent}%`;
  }, [percent]);
  const outcome = job.result?.status;
  const valueText =
    job.status === 'DONE'
      ? isImport
        ? t('done', { saved: job.counts.saved })
        : outcome === 'ACCEPTED'
          ? t('doneSendAccepted')
          : outcome === 'RETURNED'
            ? t('doneSendReturned')
            : t('doneSend')
      : job.status === 'FAILED'
        ? !isImport &&
          job.errorCode === 'JOB_INTERRUPTED' &&
          stageIndex >= stages.indexOf('RECEIVED')
          ? // Stopped after the receipt committed: the report is kept, only its checks wait.
            t('sendInterruptedReceived')
          : t('failed', { message: job.message ?? t('failedUnknown') })
        : filling && total > 0
          ? t('running', { stage: stageName, done: inStage, total })
          : t('runningNoTotal', { stage: stageName });
  /** What a send's stage counted: the persons received and checked, the person-months posted. */
  const sendCount = (stage: string): string | null => {
    const { read, checked, saved } = job.counts;
    if (stage === 'RECEIVED' && read > 0) return t('persons', { count: read });
    if (stage === 'AUTOMATIC_CHECKS' && checked > 0) return t('persons', { count: checked });
    if (stage === 'POSTING' && job.stage === 'POSTING' && total > 0)
      return t('personMonths', { done: saved, total });
    return null;
  };
  return (
    <section
      aria-labelledby={`job-${job.id}-title`}
      className="mb-4 rounded-md border border-line p-3"
      data-testid="job-progress"
      data-job={job.id}
      data-status={job.status}
      data-stage={job.stage}
      data-outcome={typeof outcome === 'string' ? outcome : undefined}
    >
      <h3
        id={`job-${job.id}-title`}
        className={compact ? 'mb-1 text-sm font-semibold' : 'mb-2 font-semibold'}
      >
        {title}
      </h3>
      <div
        role="progressbar"
        aria-labelledby={`job-${job.id}-title`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        className="mb-2 h-3 w-full overflow-hidden rounded bg-line"
      >
        <div
          ref={bar}
          className={`h-full ${job.status === 'FAILED' ? 'bg-danger' : 'bg-brand-600'}`}
        />
      </div>
      <p aria-live="polite" className="font-semibold" data-testid="job-status">
        {job.status === 'RUNNING' ? stageName : valueText}
      </p>
      {compact ? null : isImport ? (
        <p className="text-sm" data-testid="job-counts">
          {t('counts', job.counts)}
        </p>
      ) : (
        <ol className="text-sm" data-testid="job-stages">
          {stages.map((s, i) => {
            // A send returned by the checks never posts: its posting stage is not ticked.
            const skipped = s === 'POSTING' && job.status === 'DONE' && outcome === 'RETURNED';
            const state =
              job.status === 'DONE'
                ? skipped
                  ? 'skipped'
                  : 'done'
                : i < stageIndex
                  ? 'done'
                  : i === stageIndex
                    ? job.status === 'FAILED'
                      ? 'failed'
                      : 'current'
                    : 'pending';
            const count = sendCount(s);
            return (
              <li
                key={s}
                data-testid="job-stage"
                data-stage={s}
                data-state={state}
                aria-current={state === 'current' ? 'step' : undefined}
                className="break-words"
              >
                <span aria-hidden="true">
                  {state === 'done'
                    ? '✓ '
                    : state === 'current'
                      ? '→ '
                      : state === 'failed'
                        ? '✗ '
                        : '· '}
                </span>
                {t(`stage.${s}`)}
                {state === 'skipped' ? ` — ${t('notPosted')}` : count ? ` — ${count}` : ''}
                <span className="sr-only">{` (${t(`state.${state}`)})`}</span>
              </li>
            );
          })}
        </ol>
      )}
      {compact ? null : (
        <p className="text-sm text-muted">
          {t('startedAt', { time: formatDateTime(job.startedAt) })}
          {job.finishedAt ? `, ${t('finishedAt', { time: formatDateTime(job.finishedAt) })}` : ''}
        </p>
      )}
    </section>
  );
}
