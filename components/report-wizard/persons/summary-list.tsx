import type { ReactNode } from 'react';

export type SummaryRow = {
  key: string;
  label: string;
  value: ReactNode;
  changeHref: string | null;
};

/** GOV.UK "check your answers": each answer with a "Dəyiş" link back to its step. */
export function SummaryList({
  title,
  rows,
  changeWord,
}: {
  title: string;
  rows: SummaryRow[];
  changeWord: string;
}) {
  return (
    <section aria-labelledby={`summary-${title}`} className="mb-8">
      <h2 id={`summary-${title}`} className="mb-2 text-xl font-semibold">
        {title}
      </h2>
      <dl className="divide-y divide-line border-y border-line" data-testid="summary-list">
        {rows.map((r) => (
          <div
            key={r.key}
            className="grid gap-1 py-3 sm:grid-cols-[16rem_1fr_auto] sm:gap-4"
            data-testid={`summary-${r.key}`}
          >
            <dt className="font-semibold">{r.label}</dt>
            <dd className="tabular-nums">{r.value}</dd>
            <dd>
              {r.changeHref ? (
                <a href={r.changeHref} className="inline-flex min-h-11 items-center sm:min-h-0">
                  {changeWord}
                  <span className="sr-only"> {r.label}</span>
                </a>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
