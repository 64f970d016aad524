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

// Issue 13 §11: the stacked debt chart of views 5 and 7. recharts writes style attributes, which
// the page's CSP refuses in server HTML (style-src-attr 'none'); drawn only after mount, React
// and recharts set styles through the CSSOM, which the CSP allows. The chart is aria-hidden: the
// table next to it (server-rendered) says the same for screen readers and without JavaScript.

export const CHART_SERIES = ['MDSS', 'PENALTY', 'FINES', 'OTHER'] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

// The theme's colours (app/globals.css): brand-600, danger, warning, muted — each ≥ 3:1 on white.
const COLOURS: Record<ChartSeries, string> = {
  MDSS: '#0b5394',
  PENALTY: '#b3261e',
  FINES: '#8a5a00',
  OTHER: '#56606b',
};

const subscribeNothing = () => () => {};
const isBrowser = () => true;
const isServer = () => false;

export interface DebtChartPoint {
  readonly label: string;
  readonly MDSS: number;
  readonly PENALTY: number;
  readonly FINES: number;
  readonly OTHER: number;
}

export function DebtChart({
  points,
  names,
  locale,
  loading,
  testId,
}: {
  points: readonly DebtChartPoint[];
  names: Readonly<Record<ChartSeries, string>>;
  locale: 'az' | 'en';
  loading: string;
  testId: string;
}) {
  // False in the server HTML and during hydration, true once mounted in the browser.
  const mounted = useSyncExternalStore(subscribeNothing, isBrowser, isServer);
  const money = (qepik: number) => formatAmount(Math.round(qepik), locale);
  const compact = (qepik: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'az-Latn-AZ', {
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(qepik / 100);
  return (
    <div className="h-72 w-full" aria-hidden="true" data-testid={testId}>
      {mounted ? (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={[...points]}
            stackOffset="sign"
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid stroke="#c9d1d9" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fill: '#1b1f24', fontSize: 12 }} />
            <YAxis tickFormatter={compact} tick={{ fill: '#1b1f24', fontSize: 12 }} width={48} />
            <Tooltip formatter={(value) => money(Number(value))} />
            <Legend />
            {CHART_SERIES.map((s) => (
              <Bar key={s} dataKey={s} name={names[s]} stackId="debt" fill={COLOURS[s]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <p className="text-sm text-muted">{loading}</p>
      )}
    </div>
  );
}
