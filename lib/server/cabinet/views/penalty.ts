import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { penaltyCharges, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodDates } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetRow, type CabinetTable } from '@/lib/cabinet/table';
import { serverLocale } from '@/lib/i18n/server-locale';
import { serverTranslations } from '@/lib/i18n/server-translations';
import type { CabinetContext } from '../cabinet-context';

// View 13 (issue 13 §5): the penalty each report in force charged, per MDSS obligation (month
// and side) and per interval of an unchanged overdue amount — due date, overdue amount, days and
// daily rate — exactly as posting stored it (penalty_charges, written by the one domain timeline
// of DOMAIN §4), so the screen explains every qəpik of the ledger's penalty entries.

const ZIntervals = z.array(
  z.object({
    from: z.string(),
    to: z.string(),
    days: z.number().int(),
    overdueQepik: z.number().int(),
    penaltyQepik: z.number().int(),
    dailyRate: z.object({ num: z.number().int(), den: z.number().int().positive() }),
  }),
);

/** A daily rate as a percentage a person reads ("0,1 %"): num/den × 100, at most 4 decimals. */
function ratePercent(rate: { num: number; den: number }, locale: string): string {
  const percent = (rate.num * 100) / rate.den;
  return `${percent.toLocaleString(locale === 'en' ? 'en-GB' : 'az-Latn-AZ', { maximumFractionDigits: 4 })} %`;
}

/**
 * The intervals of the reports in force (accepted, not replaced) for the chosen code; with a
 * period, the intervals whose last day falls within it (up to the "as at" date).
 */
export async function penaltyTables(db: DbOrTx, context: CabinetContext): Promise<CabinetTable[]> {
  const { from, to } = periodDates(context.query.period, context.query.asOf);
  const words = await serverTranslations('cabinetLedger');
  const locale = await serverLocale();
  const code = context.code?.code;
  if (!code) return [];
  const charges = await db
    .select({
      id: penaltyCharges.id,
      year: reports.year,
      quarter: reports.quarter,
      month: penaltyCharges.obligationMonth,
      side: penaltyCharges.obligationSide,
      dueDate: penaltyCharges.dueDate,
      intervals: penaltyCharges.intervals,
    })
    .from(penaltyCharges)
    .innerJoin(reports, eq(reports.id, penaltyCharges.reportId))
    .where(
      and(
        eq(penaltyCharges.employerId, context.scope.employerId),
        eq(penaltyCharges.activityCode, code),
        eq(reports.status, 'ACCEPTED'),
      ),
    )
    .orderBy(
      asc(reports.year),
      asc(reports.quarter),
      asc(penaltyCharges.obligationMonth),
      asc(penaltyCharges.obligationSide),
    );
  const rows: CabinetRow[] = [];
  for (const charge of charges) {
    const intervals = ZIntervals.safeParse(charge.intervals);
    // A row written by an older posting without intervals is shown by its report alone.
    if (!intervals.success) continue;
    intervals.data.forEach((interval, i) => {
      if (interval.to > to || (from !== null && interval.to < from)) return;
      rows.push({
        key: `${charge.id}-${i}`,
        cells: {
          report: words('reportQuarter', { year: charge.year, quarter: charge.quarter }),
          month: charge.month,
          side: words(`side${charge.side}`),
          dueDate: charge.dueDate,
          from: interval.from,
          to: interval.to,
          days: interval.days,
          overdue: interval.overdueQepik,
          rate: ratePercent(interval.dailyRate, locale),
          penalty: interval.penaltyQepik,
        },
      });
    });
  }
  return [
    cabinetTable({
      id: 'penalty',
      title: 'cabinetLedger.penaltyTable',
      columns: [
        { key: 'report', label: 'cabinetLedger.report', kind: 'text' },
        { key: 'month', label: 'cabinetLedger.month', kind: 'month' },
        { key: 'side', label: 'cabinetLedger.side', kind: 'text' },
        { key: 'dueDate', label: 'cabinetLedger.dueDate', kind: 'date' },
        { key: 'from', label: 'cabinetLedger.from', kind: 'date' },
        { key: 'to', label: 'cabinetLedger.to', kind: 'date' },
        { key: 'days', label: 'cabinetLedger.days', kind: 'integer', total: true },
        { key: 'overdue', label: 'cabinetLedger.overdue', kind: 'money' },
        { key: 'rate', label: 'cabinetLedger.dailyRate', kind: 'text' },
        { key: 'penalty', label: 'cabinetLedger.penaltyAmount', kind: 'money', total: true },
      ],
      rows,
    }),
  ];
}
