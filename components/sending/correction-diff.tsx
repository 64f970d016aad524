import { useTranslations } from 'next-intl';
import { formatAmount } from '@/lib/domain/money-format';
import { formatMonth } from '@/lib/domain/messages/month-names';
import { changeOf } from './format';
import type { CorrectionDiff as CorrectionDiffView } from '@/lib/server/submissions/get-correction-diff';

type Locale = 'az' | 'en';

const signed = (qepik: number, locale: Locale) =>
  qepik > 0 ? `+${formatAmount(qepik, locale)}` : formatAmount(qepik, locale);
const signedCount = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * The check page of a corrective report (issue 6 §11): what changes against the accepted report
 * it replaces — MDSS per month and in total, penalty, closing debt, persons — and every changed
 * person-month. Renders on the server or the client; it is handed the difference, reads nothing.
 */
export function CorrectionDiff({
  diff,
  locale,
  reportHref,
}: {
  diff: CorrectionDiffView;
  locale: Locale;
  reportHref?: string;
}) {
  const t = useTranslations('sending');
  const money = (q: number) => formatAmount(q, locale);
  const rows: { label: string; before: string; after: string; change: string; changed: boolean }[] =
    [
      ...diff.months.map((m) => ({
        label: t('diffMdssMonth', { month: formatMonth(m.month, locale) }),
        before: money(m.beforeQepik),
        after: money(m.afterQepik),
        change: signed(changeOf(m.beforeQepik, m.afterQepik), locale),
        changed: m.beforeQepik !== m.afterQepik,
      })),
      ...(
        [
          ['diffMdssTotal', diff.mdss],
          ['diffPenalty', diff.penalty],
          ['diffDebtEnd', diff.debtEnd],
        ] as const
      ).map(([key, v]) => ({
        label: t(key),
        before: money(v.beforeQepik),
        after: money(v.afterQepik),
        change: signed(changeOf(v.beforeQepik, v.afterQepik), locale),
        changed: v.beforeQepik !== v.afterQepik,
      })),
      {
        label: t('diffPersons'),
        before: String(diff.persons.before),
        after: String(diff.persons.after),
        change: signedCount(changeOf(diff.persons.before, diff.persons.after)),
        changed: diff.persons.before !== diff.persons.after,
      },
    ];
  const more = diff.changedCount - diff.changes.length;
  const cell = 'border-b border-line px-2 py-2';
  return (
    <section
      aria-labelledby="correction-diff-title"
      className="mb-8 rounded-md border-2 border-brand-600 p-4"
      data-testid="correction-diff"
    >
      <h2 id="correction-diff-title" className="text-xl font-semibold">
        {t('diffTitle')}
      </h2>
      <p className="mt-1 max-w-prose">
        {t('diffLead', { receipt: diff.replacesReceiptNumber })}
        {reportHref ? (
          <>
            {' '}
            <a href={reportHref}>{t('diffOpenOriginal')}</a>
          </>
        ) : null}
      </p>
      <div
        className="mt-3 overflow-x-auto"
        role="region"
        aria-labelledby="diff-summary-caption"
        tabIndex={0}
      >
        <table
          className="w-full min-w-[28rem] border-collapse text-left"
          data-testid="diff-summary"
        >
          <caption id="diff-summary-caption" className="sr-only">
            {t('diffSummaryCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={cell} />
              <th scope="col" className={`${cell} text-right`}>
                {t('before')}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t('after')}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t('change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className={r.changed ? 'font-semibold' : ''}>
                <th scope="row" className={`${cell} font-normal`}>
                  {r.label}
                </th>
                <td className={`${cell} text-right tabular-nums whitespace-nowrap`}>{r.before}</td>
                <td className={`${cell} text-right tabular-nums whitespace-nowrap`}>{r.after}</td>
                <td className={`${cell} text-right tabular-nums whitespace-nowrap`}>
                  {r.changed ? r.change : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mt-6 font-semibold">{t('diffChangesTitle', { count: diff.changedCount })}</h3>
      {diff.changedCount === 0 ? (
        <p className="mt-1 text-muted" data-testid="diff-no-changes">
          {t('diffNoChanges')}
        </p>
      ) : (
        <div
          className="mt-2 overflow-x-auto"
          role="region"
          aria-labelledby="diff-changes-caption"
          tabIndex={0}
        >
          <table
            className="w-full min-w-[40rem] border-collapse text-left text-sm"
            data-testid="diff-changes"
          >
            <caption id="diff-changes-caption" className="sr-only">
              {t('diffChangesTitle', { count: diff.changedCount })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  {t('colFin')}
                </th>
                <th scope="col" className={cell}>
                  {t('colName')}
                </th>
                <th scope="col" className={cell}>
                  {t('colMonth')}
                </th>
                <th scope="col" className={cell}>
                  {t('colKind')}
                </th>
                <th scope="col" className={`${cell} text-right`}>
                  {t('colIncome')}
                </th>
                <th scope="col" className={`${cell} text-right`}>
                  {t('colMdss')}
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((c) => (
                <tr key={`${c.fin}-${c.month}`} data-testid="diff-change">
                  <td className={`${cell} font-mono`}>{c.fin}</td>
                  <td className={cell}>{c.name}</td>
                  <td className={cell}>{formatMonth(c.month, locale)}</td>
                  <td className={cell}>{t(`kind${c.kind}`)}</td>
                  <td className={`${cell} text-right tabular-nums whitespace-nowrap`}>
                    {money(c.incomeBeforeQepik)} → {money(c.incomeAfterQepik)}
                  </td>
                  <td className={`${cell} text-right tabular-nums whitespace-nowrap`}>
                    {money(c.mdssBeforeQepik)} → {money(c.mdssAfterQepik)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more > 0 ? (
        <p className="mt-2 text-muted" data-testid="diff-more">
          {t('diffMore', { count: more })}
        </p>
      ) : null}
    </section>
  );
}
