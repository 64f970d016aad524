'use client';

import { useSyncExternalStore } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatAmount } from '@/lib/domain/money-format';

// Issue 14 §13: the statistics page's bar charts, drawn the way the cabinet's debt chart is
// (components/cabinet/debt-chart.tsx): only after mount, so recharts' style attributes are set
// through the CSSOM and the CSP's style-src-attr 'none' holds for the server HTML. aria-hidden:
// the server-rendered table next to each chart says the same for screen readers.

export type StatSeries = { key: string; name: string; colour: string };
export type StatPoint = { label: string } & Record<string, number | string>;

const subscribeNothing = () => () => {};
const isBrowser = () => true;
const isServer = () => false;

export function StatChart({
  points,
  series,
  kind,
  stacked = false,
  locale,
  loading,
  testId,
}: {
  points: readonly StatPoint[];
  series: readonly StatSeries[];
  /** money: values are qəpik · count: whole numbers · percent: per cent. */
  kind: 'money' | 'count' | 'percent';
  stacked?: boolean;
  locale: 'az' | 'en';
  loading: string;
  testId: string;
}) {
  const mounted = useSyncExternalStore(subscribeNothing, isBrowser, isServer);
  const numbers = locale === 'en' ? 'en-GB' : 'az-Latn-AZ';
  const full = (value: number) =>
    kind === 'money'
      ? formatAmount(Math.round(value), locale)
      : kind === 'percent'
        ? `${new Intl.NumberFormat(numbers, { maximumFractionDigits: 1 }).format(value)} %`
        : new Intl.NumberFormat(numbers).format(value);
  const compact = (value: number) =>
    new Intl.NumberFormat(numbers, { notation: 'compact', maximumFractionDigits: 1 }).format(
      kind === 'money' ? value / 100 : value,
    );
  return (
    <div className="h-72 w-full" aria-hidden="true" data-testid={testId}>
      {mounted ? (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={[...points]}
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid stroke="#c9d1d9" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fill: '#1b1f24', fontSize: 12 }} />
            <YAxis
              tickFormatter={compact}
              tick={{ fill: '#1b1f24', fontSize: 12 }}
              width={48}
              allowDecimals={kind !== 'count'}
              domain={kind === 'percent' ? [0, 100] : undefined}
            />
            <Tooltip formatter={(value) => full(Number(value))} />
            <Legend />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.colour}
                {...(stacked ? { stackId: 'stack' } : {})}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <p className="text-sm text-muted">{loading}</p>
      )}
    </div>
  );
}
