import { getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { cabinetTable } from '@/lib/cabinet/table';
import { PROJECTION_CATEGORIES, type PenaltyProjection } from '@/lib/domain/penalty-projection';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';

/**
 * One code's projection (issue 13 §10): the figures a person asks about — what is paid, the
 * penalty up to today and up to D, the debt before and after — then, per category, how the
 * payment settles the debt (DOMAIN.md §5) and, per MDSS obligation, the penalty up to D.
 */
export async function ProjectionResult({
  projection: p,
  locale,
}: {
  projection: PenaltyProjection;
  locale: 'az' | 'en';
}) {
  const t = await getTranslations('cabinetProjection');
  const tl = await getTranslations('cabinetLedger');
  const money = (q: number) => formatAmount(q, locale);
  const facts: [string, string, number][] = [
    ['payment', t('paymentLine'), p.paymentQepik],
    ['debt-today', t('debtTodayLine'), p.debtTodayQepik],
    ['pending', t('pendingLine'), p.pendingPenaltyQepik],
    ['projected', t('projectedLine'), p.projectedPenaltyQepik],
    ['debt-on-date', t('debtOnDateLine'), p.debtOnDateQepik],
    ['debt-after', t('debtAfterLine'), p.debtAfterQepik],
    ...(p.overpaymentQepik > 0
      ? ([['overpayment', t('overpaymentLine'), p.overpaymentQepik]] as [string, string, number][])
      : []),
  ];
  const lines = cabinetTable({
    id: 'projection-lines',
    title: 'cabinetProjection.linesTable',
    columns: [
      { key: 'category', label: 'cabinetProjection.category', kind: 'text' },
      { key: 'today', label: 'cabinetProjection.today', kind: 'money', total: true },
      { key: 'onDate', label: 'cabinetProjection.onDate', kind: 'money', total: true },
      { key: 'paid', label: 'cabinetProjection.paid', kind: 'money', total: true },
      { key: 'after', label: 'cabinetProjection.after', kind: 'money', total: true },
    ],
    rows: PROJECTION_CATEGORIES.map((c) => ({
      key: c,
      cells: {
        category: tl(`category${c}`),
        today: p.lines[c].todayQepik,
        onDate: p.lines[c].onDateQepik,
        paid: p.lines[c].paidQepik,
        after: p.lines[c].afterQepik,
      },
    })),
  });
  const obligations = cabinetTable({
    id: 'projection-obligations',
    title: 'cabinetProjection.obligationsTable',
    columns: [
      { key: 'month', label: 'cabinetProjection.month', kind: 'month' },
      { key: 'side', label: 'cabinetProjection.side', kind: 'text' },
      { key: 'open', label: 'cabinetProjection.open', kind: 'money', total: true },
      { key: 'pending', label: 'cabinetProjection.pending', kind: 'money', total: true },
      { key: 'days', label: 'cabinetProjection.days', kind: 'integer' },
      { key: 'projected', label: 'cabinetProjection.projected', kind: 'money', total: true },
      { key: 'totalDays', label: 'cabinetProjection.totalDays', kind: 'integer' },
    ],
    rows: p.obligations
      .filter((o) => o.openQepik > 0 || o.pendingQepik > 0 || o.projectedQepik > 0)
      .map((o) => ({
        key: `${o.month}-${o.side}`,
        cells: {
          month: o.month,
          side: tl(`side${o.side}`),
          open: o.openQepik,
          pending: o.pendingQepik,
          days: o.projectedDays,
          projected: o.projectedQepik,
          totalDays: o.totalDays,
        },
      })),
  });
  return (
    <div data-testid="projection-result">
      <p className="mb-2 font-semibold" data-testid="projection-summary">
        {t('summary', { amount: money(p.paymentQepik), date: formatDate(p.payOn, locale) })}
      </p>
      <dl className="mb-4 grid gap-x-4 gap-y-1 sm:grid-cols-[1fr_auto]">
        {facts.map(([id, label, value]) => (
          <div key={id} className="contents">
            <dt>{label}</dt>
            <dd
              className="font-semibold tabular-nums sm:text-right"
              data-testid={`projection-${id}`}
            >
              {money(value)}
            </dd>
          </div>
        ))}
      </dl>
      <CabinetTableView table={lines} locale={locale} />
      {obligations.rows.length > 0 ? (
        <CabinetTableView table={obligations} locale={locale} />
      ) : null}
    </div>
  );
}
