import 'server-only';
import type { PenaltyView } from '@/components/report-wizard/money/money-types';
import type { PenaltyBreakdown } from '@/lib/server/reports/compute-penalty';

/** The F11 breakdown as the page's client component takes it (plain numbers and strings). */
export function toPenaltyView(b: PenaltyBreakdown): PenaltyView {
  return {
    asOfDate: b.asOfDate,
    totalQepik: b.totalQepik,
    capDays: b.capDays,
    obligations: b.obligations.map((o) => ({
      key: o.obligationId,
      side: o.side,
      month: o.month,
      dueDate: o.dueDate,
      amountQepik: o.amountQepik,
      chargedFrom: o.chargedFrom,
      days: o.days,
      totalDays: o.totalDays,
      penaltyQepik: o.penaltyQepik,
      inQuarter: o.inQuarter,
      intervals: o.intervals.map((i) => ({
        from: i.from,
        to: i.to,
        days: i.days,
        overdueQepik: i.overdueQepik,
        ratePercent: (i.dailyRate.num * 100) / i.dailyRate.den,
        penaltyQepik: i.penaltyQepik,
      })),
    })),
    allocations: b.allocations.map((a) => ({
      paymentDate: a.date,
      target: a.target,
      amountQepik: a.amountQepik,
    })),
  };
}
