// Splits one obligation's accrual window into intervals of constant balance and constant
// parameters (DOMAIN.md §4). Day numbers are days since 1970-01-01, bounds inclusive.
import { dateFromDayNumber, parseIsoDate } from './calendar';
import { findInForce, type PenaltyParameters } from './penalty-parameters';
import { err, ok, type Result } from './result';

/** The balance falls by amountQepik from effectiveDay on. */
export interface BalanceChange {
  readonly effectiveDay: number;
  readonly amountQepik: number;
}

export interface TimelineSegment {
  readonly fromDay: number;
  readonly toDay: number;
  readonly days: number;
  readonly overdueQepik: number;
  readonly parameters: PenaltyParameters;
}

/** Intervals with a positive balance inside [startDay, endDay]; empty when endDay < startDay. */
export function penaltyTimeline(
  amountQepik: number,
  changes: readonly BalanceChange[],
  startDay: number,
  endDay: number,
  parameters: readonly PenaltyParameters[],
): Result<TimelineSegment[], 'RATES_NOT_FOUND'> {
  if (endDay < startDay) return ok([]);
  const breaks = new Set<number>([startDay, endDay + 1]);
  for (const c of changes) {
    if (c.effectiveDay > startDay && c.effectiveDay <= endDay) breaks.add(c.effectiveDay);
  }
  for (const p of parameters) {
    const from = p.validFrom === null ? null : parseIsoDate(p.validFrom);
    const to = p.validTo === null ? null : parseIsoDate(p.validTo);
    if (from?.ok && from.value > startDay && from.value <= endDay) breaks.add(from.value);
    if (to?.ok && to.value + 1 > startDay && to.value + 1 <= endDay) breaks.add(to.value + 1);
  }
  const points = [...breaks].sort((a, b) => a - b);
  const sortedChanges = [...changes].sort((a, b) => a.effectiveDay - b.effectiveDay);
  let balance = amountQepik;
  let next = 0;
  const segments: TimelineSegment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const fromDay = points[i] as number;
    const toDay = (points[i + 1] as number) - 1;
    while (next < sortedChanges.length && (sortedChanges[next]?.effectiveDay ?? 0) <= fromDay) {
      balance -= sortedChanges[next]?.amountQepik ?? 0;
      next += 1;
    }
    if (balance <= 0) break;
    const inForce = findInForce(parameters, dateFromDayNumber(fromDay));
    if (inForce === null) return err('RATES_NOT_FOUND', { date: dateFromDayNumber(fromDay) });
    const days = toDay - fromDay + 1;
    const last = segments[segments.length - 1];
    if (
      last &&
      last.toDay === fromDay - 1 &&
      last.overdueQepik === balance &&
      last.parameters === inForce
    ) {
      segments[segments.length - 1] = { ...last, toDay, days: last.days + days };
    } else {
      segments.push({ fromDay, toDay, days, overdueQepik: balance, parameters: inForce });
    }
  }
  return ok(segments);
}
