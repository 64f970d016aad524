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
export function JobProgress({ initial, title }: Props) {
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
    if (job.status === 'DONE') router.refresh();
  }, [job, router]);

  const stages = STAGES[job.kind];
  const stageIndex = Math.max(0, stages.indexOf(job.stage));
  const stageName = t.has(`stage.${job.stage}`) ? t(`stage.${job.stage}`) : job.stage;
  const total = job.total ?? 0;
  const isImport = job.kind === 'IMPORT_PERSONS';
  // One bar over the whole job: each stage is an equal part, its items fill that part.
  const inStage = isImport
    ? [job.counts.read, job.counts.checked, job.counts.saved][stageIndex]!
    : job.counts.saved;
  const part = total > 0 ? Math.min(1, inStage / total) : 0;
  const percent =
    job.status === 'DONE' ? 100 : Math.floor(((stageIndex + part) / stages.length) * 100);
  // The width through the CSSOM, not a style attribute: the content security policy forbids
  // inline styles (style-src-attr 'none', issue 12 §8).
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (bar.current) bar.current.style.width = `${percent}%`;
  }, [percent]);
  const valueText =
    job.status === 'DONE'
      ? isImport
        ? t('done', { saved: job.counts.saved })
        : t('doneSend')
      : job.status === 'FAILED'
        ? t('failed', { message: job.message ?? t('failedUnknown') })
        : total > 0
          ? t('running', { stage: stageName, done: inStage, total })
          : t('runningNoTotal', { stage: stageName });
  return (
    <section
      aria-labelledby={`job-${job.id}-title`}
      className="mb-4 rounded-md border border-line p-3"
      data-testid="job-progress"
      data-job={job.id}
      data-status={job.status}
      data-stage={job.stage}
    >
      <h3 id={`job-${job.id}-title`} className="mb-2 font-semibold">
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
      {isImport ? (
        <p className="text-sm" data-testid="job-counts">
          {t('counts', job.counts)}
        </p>
      ) : (
        <ol className="text-sm" data-testid="job-stages">
          {stages.map((s, i) => (
            <li
              key={s}
              aria-current={i === stageIndex && job.status === 'RUNNING' ? 'step' : undefined}
            >
              {i < stageIndex || job.status === 'DONE' ? '✓ ' : i === stageIndex ? '→ ' : '  '}
              {t(`stage.${s}`)}
              {i === stageIndex && total > 0 ? ` — ${t('ofTotal', { done: inStage, total })}` : ''}
            </li>
          ))}
        </ol>
      )}
      <p className="text-sm text-muted">
        {t('startedAt', { time: formatDateTime(job.startedAt) })}
        {job.finishedAt ? `, ${t('finishedAt', { time: formatDateTime(job.finishedAt) })}` : ''}
      </p>
    </section>
  );
}
