import Link from 'next/link';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatChart, type StatPoint } from '@/components/admin/statistics/stat-chart';
import { STAT_COLOURS } from '@/components/admin/statistics/stat-colours';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { formatMonth } from '@/lib/domain/messages/format';
import { formatDate } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import {
  loadStatistics,
  STAT_DEBT_CATEGORIES,
  type PaymentGranularity,
} from '@/lib/server/staff/statistics/load-statistics';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffStatistics');
  return { title: t('title') };
}

const CATEGORY_LABEL = {
  MDSS: 'cabinetLedger.mdss',
  PENALTY: 'cabinetLedger.penalty',
  FINES: 'cabinetLedger.fines',
  OTHER: 'cabinetLedger.other',
} as const;

/** One chart with its table alternative (server-rendered, in a details element). */
async function ChartSection({
  id,
  title,
  hint,
  chart,
  table,
  locale,
  extra,
}: {
  id: string;
  title: string;
  hint: string;
  chart: ReactNode;
  table: CabinetTable;
  locale: 'az' | 'en';
  extra?: ReactNode;
}) {
  const t = await getTranslations('staffStatistics');
  return (
    <section
      className="mb-8 rounded-lg bg-surface p-4 shadow-sm sm:p-6"
      aria-labelledby={`${id}-title`}
      data-testid={id}
    >
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {title}
      </h2>
      <p className="mb-2 text-sm text-muted">{hint}</p>
      {extra}
      {chart}
      <details className="mt-3" data-testid={`${id}-details`}>
        <summary className="cursor-pointer font-semibold">{t('showAsTable')}</summary>
        <div className="mt-2">
          <CabinetTableView table={table} locale={locale} />
        </div>
      </details>
    </section>
  );
}

/**
 * Statistika (issue 14 §13): reports received around the last deadline, the on-time share of
 * every local body, the debt by category, payments recorded and the largest debtors — for the
 * staff member's body (an administrator: all bodies). Each chart has its table.
 */
export default async function StatisticsPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const t = await getTranslations('staffStatistics');
  const tl = await getTranslations('cabinetLedger');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const params = await searchParams;
  const granularity: PaymentGranularity = params.payments === 'day' ? 'day' : 'month';
  const stats = await loadStatistics(await getDb(), staff, { granularity });
  const loading = t('chartLoading');
  const today = formatDate(stats.today, locale);
  const due = {
    year: stats.deadline.year,
    quarter: stats.deadline.quarter,
    due: formatDate(stats.deadline.dueDate, locale),
  };
  const shortDate = (iso: string) => formatDate(iso, locale).slice(0, 5);

  const deadlinePoints: StatPoint[] = stats.aroundDeadline.map((d) => ({
    label: shortDate(d.date),
    onTime: d.received - d.late,
    late: d.late,
  }));
  const deadlineTable = cabinetTable({
    id: 'stat-deadline',
    title: 'staffStatistics.deadline.table',
    columns: [
      { key: 'date', label: 'staffStatistics.deadline.date', kind: 'date' },
      { key: 'received', label: 'staffStatistics.deadline.received', kind: 'integer', total: true },
      { key: 'onTime', label: 'staffStatistics.deadline.onTime', kind: 'integer', total: true },
      { key: 'late', label: 'staffStatistics.deadline.late', kind: 'integer', total: true },
    ],
    rows: stats.aroundDeadline.map((d) => ({
      key: d.date,
      cells: { date: d.date, received: d.received, onTime: d.received - d.late, late: d.late },
    })),
  });

  const percent = (value: number | null) =>
    value === null
      ? '—'
      : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'az-Latn-AZ', {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(value);
  const onTimePoints: StatPoint[] = stats.onTime.map((b) => ({
    label: b.name,
    share: b.sharePercent ?? 0,
  }));
  const onTimeTable = cabinetTable({
    id: 'stat-on-time',
    title: 'staffStatistics.onTime.table',
    columns: [
      { key: 'body', label: 'staffStatistics.onTime.body', kind: 'text' },
      { key: 'employers', label: 'staffStatistics.onTime.employers', kind: 'integer', total: true },
      { key: 'onTime', label: 'staffStatistics.onTime.onTime', kind: 'integer', total: true },
      { key: 'late', label: 'staffStatistics.onTime.late', kind: 'integer', total: true },
      { key: 'notFiled', label: 'staffStatistics.onTime.notFiled', kind: 'integer', total: true },
      { key: 'share', label: 'staffStatistics.onTime.share', kind: 'text' },
    ],
    rows: stats.onTime.map((b) => ({
      key: b.code,
      cells: {
        body: b.name,
        employers: b.employers,
        onTime: b.onTime,
        late: b.late,
        notFiled: b.notFiled,
        share: percent(b.sharePercent),
      },
    })),
  });

  const debtPoints: StatPoint[] = stats.debt.map((d) => ({
    label: tl(CATEGORY_LABEL[d.category].slice('cabinetLedger.'.length) as 'mdss'),
    debt: d.debtQepik,
  }));
  const debtTable = cabinetTable({
    id: 'stat-debt',
    title: 'staffStatistics.debt.table',
    columns: [
      { key: 'category', label: 'staffStatistics.debt.category', kind: 'text' },
      { key: 'amount', label: 'staffStatistics.debt.amount', kind: 'money', total: true },
      { key: 'employers', label: 'staffStatistics.debt.employers', kind: 'integer' },
    ],
    rows: stats.debt.map((d, i) => ({
      key: d.category,
      cells: {
        category: String(debtPoints[i]?.label ?? d.category),
        amount: d.debtQepik,
        employers: d.employers,
      },
    })),
  });

  const paymentLabel = (key: string) =>
    granularity === 'month' ? formatMonth(key, locale) : shortDate(key);
  const paymentPoints: StatPoint[] = stats.payments.map((p) => ({
    label: paymentLabel(p.key),
    amount: p.amountQepik,
  }));
  const paymentsTable = cabinetTable({
    id: 'stat-payments',
    title: 'staffStatistics.payments.table',
    columns: [
      {
        key: 'period',
        label: 'staffStatistics.payments.period',
        kind: granularity === 'month' ? 'month' : 'date',
      },
      { key: 'count', label: 'staffStatistics.payments.count', kind: 'integer', total: true },
      { key: 'amount', label: 'staffStatistics.payments.amount', kind: 'money', total: true },
    ],
    rows: stats.payments.map((p) => ({
      key: p.key,
      cells: { period: p.key, count: p.count, amount: p.amountQepik },
    })),
  });

  const debtorPoints: StatPoint[] = stats.debtors.map((d) => ({
    label: d.name.length > 18 ? `${d.name.slice(0, 17)}…` : d.name,
    ...d.debts,
  }));
  const debtorsTable = cabinetTable({
    id: 'stat-debtors',
    title: 'staffStatistics.debtors.table',
    columns: [
      { key: 'employer', label: 'staffStatistics.debtors.employer', kind: 'text' },
      { key: 'voen', label: 'staffStatistics.debtors.voen', kind: 'code' },
      { key: 'body', label: 'staffStatistics.debtors.body', kind: 'text' },
      ...STAT_DEBT_CATEGORIES.map((c) => ({
        key: c,
        label: CATEGORY_LABEL[c],
        kind: 'money' as const,
        total: true,
      })),
      { key: 'balance', label: 'staffStatistics.debtors.balance', kind: 'money', total: true },
    ],
    rows: stats.debtors.map((d) => ({
      key: d.employerId,
      href: `/admin/employers/${d.employerId}`,
      cells: {
        employer: d.name,
        voen: d.voen,
        body: d.localBodyName,
        ...d.debts,
        balance: d.balanceQepik,
      },
    })),
  });

  const toggle =
    'inline-flex min-h-11 items-center rounded-md border-2 border-line px-3 font-semibold';
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro', { today })}</p>
      <p className="mt-1 mb-6" data-testid="stat-scope">
        {staff.localBodyName ? t('scopeBody', { body: staff.localBodyName }) : t('scopeAll')}
      </p>

      <ChartSection
        id="stat-deadline"
        title={t('deadline.title')}
        hint={t('deadline.hint', due)}
        locale={locale}
        table={deadlineTable}
        chart={
          <StatChart
            points={deadlinePoints}
            series={[
              { key: 'onTime', name: t('deadline.onTime'), colour: STAT_COLOURS[0] },
              { key: 'late', name: t('deadline.late'), colour: STAT_COLOURS[1] },
            ]}
            stacked
            kind="count"
            locale={locale}
            loading={loading}
            testId="stat-deadline-chart"
          />
        }
      />
      <ChartSection
        id="stat-on-time"
        title={t('onTime.title')}
        hint={t('onTime.hint', due)}
        locale={locale}
        table={onTimeTable}
        chart={
          <StatChart
            points={onTimePoints}
            series={[{ key: 'share', name: t('onTime.share'), colour: STAT_COLOURS[4] }]}
            kind="percent"
            locale={locale}
            loading={loading}
            testId="stat-on-time-chart"
          />
        }
      />
      <ChartSection
        id="stat-debt"
        title={t('debt.title')}
        hint={t('debt.hint', { today })}
        locale={locale}
        table={debtTable}
        chart={
          <StatChart
            points={debtPoints}
            series={[{ key: 'debt', name: t('debt.amount'), colour: STAT_COLOURS[0] }]}
            kind="money"
            locale={locale}
            loading={loading}
            testId="stat-debt-chart"
          />
        }
      />
      <ChartSection
        id="stat-payments"
        title={t('payments.title')}
        hint={granularity === 'month' ? t('payments.hintMonth') : t('payments.hintDay')}
        locale={locale}
        table={paymentsTable}
        extra={
          <nav aria-label={t('payments.granularity')} className="mb-2 flex flex-wrap gap-3">
            <Link
              href="/admin/statistics"
              className={toggle}
              aria-current={granularity === 'month' ? 'page' : undefined}
              data-testid="stat-payments-month"
            >
              {t('payments.byMonth')}
            </Link>
            <Link
              href="/admin/statistics?payments=day"
              className={toggle}
              aria-current={granularity === 'day' ? 'page' : undefined}
              data-testid="stat-payments-day"
            >
              {t('payments.byDay')}
            </Link>
          </nav>
        }
        chart={
          <StatChart
            points={paymentPoints}
            series={[{ key: 'amount', name: t('payments.amount'), colour: STAT_COLOURS[0] }]}
            kind="money"
            locale={locale}
            loading={loading}
            testId="stat-payments-chart"
          />
        }
      />
      <ChartSection
        id="stat-debtors"
        title={t('debtors.title')}
        hint={t('debtors.hint', { today })}
        locale={locale}
        table={debtorsTable}
        chart={
          stats.debtors.length === 0 ? (
            <p className="text-muted">{t('debtors.none')}</p>
          ) : (
            <StatChart
              points={debtorPoints}
              series={STAT_DEBT_CATEGORIES.map((c, i) => ({
                key: c,
                name: tl(CATEGORY_LABEL[c].slice('cabinetLedger.'.length) as 'mdss'),
                colour: STAT_COLOURS[i] ?? STAT_COLOURS[0],
              }))}
              stacked
              kind="money"
              locale={locale}
              loading={loading}
              testId="stat-debtors-chart"
            />
          )
        }
      />
    </div>
  );
}
