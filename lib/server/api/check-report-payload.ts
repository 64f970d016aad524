import 'server-only';
import { and, eq } from 'drizzle-orm';
import { employerActivityCodes, nonLiableIncomeReasons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  checkYearQuarter,
  compareYearQuarter,
  hasQuarterEnded,
  quarterMonths,
  quarterOfMonth,
  type MonthKey,
  type Sector,
} from '@/lib/domain';
import type { EmployerScope } from '../access';
import { todayInBaku } from '../clock';
import { loadSector } from '../reports/report-rates';
import type { LineStep } from '../reports/save-report-lines';
import { findSignatory } from '../reports/signatories/find-signatory';
import type { SignatoryRole } from '../reports/signatories/save-signatory';
import { apiProblem, type ApiProblem } from './api-messages';
import { checkPayloadPersons, type CheckedPerson } from './check-payload-persons';
import type { ReportPayload } from './report-payload';
import { isAppError } from '../errors';

/** A payload that passed every input rule, in the units the use cases take. */
export type CheckedReport = {
  activityCode: string;
  sector: Sector;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  months: [MonthKey, MonthKey, MonthKey];
  labourPaymentsQepik: Partial<Record<MonthKey, number>>;
  headcount: Partial<Record<MonthKey, number>>;
  nonLiableIncome: { reasonCode: string; month: MonthKey; amountQepik: number }[];
  lines: { step: LineStep; accruedQepik: number; paidQepik: number }[];
  persons: CheckedPerson[];
  signatories: { role: SignatoryRole; fin: string; documentType: string }[];
  /** Not errors: names that differ from the registry's. */
  warnings: ApiProblem[];
};

const LINE_KEYS = {
  sanatorium: 'F13',
  injuryBenefitRefund: 'F14',
  fundFindings: 'F15',
  otherAccruals: 'F16',
} as const;
const ROLES = { responsible: 'RESPONSIBLE', chiefAccountant: 'CHIEF_ACCOUNTANT' } as const;

function monthsIn(
  values: Record<string, number>,
  months: readonly MonthKey[],
  field: string,
  problems: ApiProblem[],
): Partial<Record<MonthKey, number>> {
  const result: Partial<Record<MonthKey, number>> = {};
  for (const [month, value] of Object.entries(values)) {
    if ((months as readonly string[]).includes(month)) result[month as MonthKey] = value;
    else problems.push(apiProblem(`${field}.${month}`, 'MONTH_OUTSIDE_QUARTER'));
  }
  return result;
}

/**
 * The rules of a report that need the quarter or the database (issue 5 §9, SPEC F1–F25): a past
 * or current quarter, an activity code registered to the employer, months of the quarter, listed
 * non-liable reasons with amounts > 0, persons (F20 rules) and signatories (F25) that exist.
 * Every problem at once, with its path; nothing is written.
 */
export async function checkReportPayload(
  db: DbOrTx,
  scope: EmployerScope,
  payload: ReportPayload,
  asOf: Date,
): Promise<{ ok: true; report: CheckedReport } | { ok: false; problems: ApiProblem[] }> {
  const period = checkYearQuarter(payload.year, payload.quarter);
  if (!period.ok) return { ok: false, problems: [apiProblem('quarter', 'PERIOD_INVALID')] };
  const problems: ApiProblem[] = [];
  const today = todayInBaku(asOf);
  const current = quarterOfMonth(today.slice(0, 7));
  if (current.ok && compareYearQuarter(period.value, current.value) > 0)
    problems.push(apiProblem('quarter', 'PERIOD_IN_FUTURE'));
  // The same rule as the wizard's create step: an initial report waits for the quarter's end.
  else if (!hasQuarterEnded(period.value, today))
    problems.push(apiProblem('quarter', 'PERIOD_NOT_ENDED'));
  const months = quarterMonths(period.value);
  const [registered] = await db
    .select({ code: employerActivityCodes.activityCode })
    .from(employerActivityCodes)
    .where(
      and(
        eq(employerActivityCodes.employerId, scope.employerId),
        eq(employerActivityCodes.activityCode, payload.activityCode),
      ),
    );
  if (!registered) problems.push(apiProblem('activityCode', 'ACTIVITY_CODE_NOT_REGISTERED'));
  const labourPaymentsQepik = monthsIn(payload.labourPayments, months, 'labourPayments', problems);
  const headcount = monthsIn(payload.headcount, months, 'headcount', problems);

  const reasons = new Set(
    (await db.select({ code: nonLiableIncomeReasons.code }).from(nonLiableIncomeReasons)).map(
      (r) => r.code,
    ),
  );
  const nonLiableIncome = payload.nonLiableIncome.map((n, i) => {
    const at = `nonLiableIncome[${i}]`;
    if (!reasons.has(n.reasonCode)) problems.push(apiProblem(`${at}.reasonCode`, 'REASON_UNKNOWN'));
    if (!(months as readonly string[]).includes(n.month))
      problems.push(apiProblem(`${at}.month`, 'MONTH_OUTSIDE_QUARTER'));
    if (n.amount === 0) problems.push(apiProblem(`${at}.amount`, 'AMOUNT_NOT_POSITIVE'));
    return { reasonCode: n.reasonCode, month: n.month as MonthKey, amountQepik: n.amount };
  });
  const lines = Object.entries(payload.lines ?? {}).flatMap(([key, line]) =>
    line === undefined
      ? []
      : [
          {
            step: LINE_KEYS[key as keyof typeof LINE_KEYS],
            accruedQepik: 'accrued' in line ? line.accrued : 0,
            paidQepik: line.paid,
          },
        ],
  );
  const persons = await checkPayloadPersons(db, payload.persons, months);
  problems.push(...persons.problems);

  const signatories: CheckedReport['signatories'] = [];
  for (const [key, role] of Object.entries(ROLES) as [keyof typeof ROLES, SignatoryRole][]) {
    const given = payload.signatories?.[key];
    if (!given) continue;
    try {
      const found = await findSignatory(db, scope, given);
      signatories.push({ role, fin: found.fin, documentType: found.documentType });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problems.push(
        apiProblem(`signatories.${key}.${error.field ?? 'fin'}`, error.code, error.params),
      );
    }
  }
  if (problems.length > 0 || !registered) return { ok: false, problems };
  return {
    ok: true,
    report: {
      activityCode: registered.code,
      sector: await loadSector(db, registered.code),
      year: period.value.year,
      quarter: period.value.quarter,
      months,
      labourPaymentsQepik,
      headcount,
      nonLiableIncome,
      lines,
      persons: persons.persons,
      signatories,
      warnings: persons.warnings,
    },
  };
}
