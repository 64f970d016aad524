// When a reviewer may return an accepted report (SPEC H3, issue 14 §9). Pure: the use case
// (lib/server/staff/reports/return-report.ts) passes the acceptance day and today, in Baku time.

import { addDays, type IsoDate } from '../calendar';
import { err, ok, type Result } from '../result';

/**
 * The period the fund allows for returning an accepted report, in calendar days from the day it
 * was accepted. No review-parameters table exists yet: this constant is the fund's default
 * (issue 14 §9: 30 days) and the use case takes the value as a parameter, so a future table can
 * supply it.
 */
export const DEFAULT_RETURN_WINDOW_DAYS = 30;

export type ReturnRefusal = 'REPORT_NOT_ACCEPTED' | 'RETURN_WINDOW_CLOSED';

/** The last day a report accepted on `acceptedOn` may still be returned (inclusive). */
export function lastReturnDay(
  acceptedOn: IsoDate,
  windowDays: number = DEFAULT_RETURN_WINDOW_DAYS,
): IsoDate {
  if (!Number.isSafeInteger(windowDays) || windowDays < 0) {
    throw new Error(`lastReturnDay: window ${windowDays}`);
  }
  const last = addDays(acceptedOn, windowDays);
  if (!last.ok) throw new Error(`lastReturnDay: ${acceptedOn}`);
  return last.value;
}

/**
 * Whether a report with `status`, accepted on `acceptedOn`, may be returned on `today`: only an
 * accepted report (not one already returned, replaced by a corrective or still received), and
 * only through the last day of the window.
 */
export function canReturnReport(input: {
  readonly status: string;
  readonly acceptedOn: IsoDate | null;
  readonly today: IsoDate;
  readonly windowDays?: number;
}): Result<{ lastDay: IsoDate }, ReturnRefusal> {
  if (input.status !== 'ACCEPTED' || input.acceptedOn === null) return err('REPORT_NOT_ACCEPTED');
  const lastDay = lastReturnDay(input.acceptedOn, input.windowDays);
  if (input.today > lastDay) return err('RETURN_WINDOW_CLOSED', { lastDay });
  return ok({ lastDay });
}
