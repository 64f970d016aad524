// Report checks of DOMAIN.md §6 that answer as validation results (SPEC F6, F20, F21, F23).
import type { MonthKey } from '../calendar';
import type { PersonIncome, ReconciliationWarning } from '../distribution/reconciliation';
import type { ValidationResult } from './validation';

export const REPORT_CHECK_CODES = [
  'HEADCOUNT_MISMATCH',
  'PAYMENT_OVERUSED',
  'PAYMENT_UNKNOWN',
  'DUPLICATE_FIN',
  // checkReport's own (issue 11 §3)
  'PERSONS_MISSING',
  'LABOUR_PAYMENTS_MISSING',
  'HEADCOUNT_MISSING',
  'SIGNATORY_MISSING_RESPONSIBLE',
  'SIGNATORY_MISSING_CHIEF_ACCOUNTANT',
  'NOT_DISTRIBUTED',
  'MDSS_MISMATCH',
  'PENALTY_OUT_OF_DATE',
] as const;
export type ReportCheckCode = (typeof REPORT_CHECK_CODES)[number];

/**
 * A report's persons already counted (the database counted them): how many, and per month how
 * many have a positive liable income. Their FINs are distinct (the caller vouches).
 */
export interface PersonsCounted {
  readonly count: number;
  readonly positiveByMonth: Readonly<Partial<Record<MonthKey, number>>>;
}

/** The persons of a report as a check reads them: every person, or only their counts. */
export type PersonsUnderCheck = readonly PersonIncome[] | PersonsCounted;

export function isPersonsCounted(persons: PersonsUnderCheck): persons is PersonsCounted {
  return !Array.isArray(persons);
}

/** Number of persons. */
export function personsCount(persons: PersonsUnderCheck): number {
  return isPersonsCounted(persons) ? persons.count : persons.length;
}

/**
 * Persons counted for a month (those with a positive liable income in it) must equal the
 * headcount given for that month. DOMAIN.md §6, SPEC F18, F21.
 */
export function checkHeadcount(input: {
  readonly months: readonly MonthKey[];
  readonly headcountByMonth: Readonly<Partial<Record<MonthKey, number>>>;
  readonly persons: PersonsUnderCheck;
}): ValidationResult[] {
  const results: ValidationResult[] = [];
  const persons = input.persons;
  for (const month of input.months) {
    const counted = isPersonsCounted(persons)
      ? (persons.positiveByMonth[month] ?? 0)
      : persons.filter((p) => (p.incomeQepikByMonth[month] ?? 0) > 0).length;
    const headcount = input.headcountByMonth[month] ?? 0;
    if (counted === headcount) continue;
    results.push({
      severity: 'blocking',
      code: 'HEADCOUNT_MISMATCH',
      step: 'F21',
      month,
      params: { month: { kind: 'month', month }, headcount, persons: counted },
    });
  }
  return results;
}

export interface PaymentAvailability {
  readonly paymentId: string;
  readonly amountQepik: number;
  /** Already used by other reports (all reports together, DOMAIN.md §6). */
  readonly usedElsewhereQepik: number;
}

/**
 * A payment is used by at most its unallocated remainder across all reports: the uses in this
 * report, summed per payment, may not exceed amount − used elsewhere. DOMAIN.md §6, SPEC F6.
 */
export function checkPaymentUse(input: {
  readonly payments: readonly PaymentAvailability[];
  readonly uses: readonly { readonly paymentId: string; readonly usedQepik: number }[];
}): ValidationResult[] {
  const available = new Map(input.payments.map((p) => [p.paymentId, p]));
  const usedById = new Map<string, number>();
  for (const use of input.uses) {
    usedById.set(use.paymentId, (usedById.get(use.paymentId) ?? 0) + use.usedQepik);
  }
  const results: ValidationResult[] = [];
  for (const [paymentId, usedQepik] of usedById) {
    const payment = available.get(paymentId);
    if (!payment) {
      results.push({
        severity: 'blocking',
        code: 'PAYMENT_UNKNOWN',
        step: 'F6',
        params: { paymentId },
      });
      continue;
    }
    const remainderQepik = payment.amountQepik - payment.usedElsewhereQepik;
    if (usedQepik <= remainderQepik) continue;
    results.push({
      severity: 'blocking',
      code: 'PAYMENT_OVERUSED',
      step: 'F6',
      params: {
        paymentId,
        used: { kind: 'money', qepik: usedQepik },
        remainder: { kind: 'money', qepik: Math.max(0, remainderQepik) },
      },
    });
  }
  return results;
}

/** Each FIN may appear once among a report's insured persons. DOMAIN.md §6, SPEC F20. */
export function findDuplicateFins(
  persons: readonly { readonly fin: string }[],
): ValidationResult[] {
  const counts = new Map<string, number>();
  for (const p of persons) counts.set(p.fin, (counts.get(p.fin) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count > 1)
    .map(([fin, count]) => ({
      severity: 'blocking' as const,
      code: 'DUPLICATE_FIN',
      step: 'F20',
      fin,
      params: { fin, count },
    }));
}

/** Reconciliation differences as warnings linked to the step that fixes them. DOMAIN.md §6, SPEC F23. */
export function reconciliationResults(
  warnings: readonly ReconciliationWarning[],
): ValidationResult[] {
  return warnings.map((w) => ({
    severity: 'warning' as const,
    code: w.code,
    step: w.fixStep,
    month: w.month,
    params: {
      month: { kind: 'month', month: w.month },
      difference: { kind: 'money', qepik: w.differenceQepik },
      nonLiable: { kind: 'money', qepik: w.nonLiableQepik },
    },
  }));
}
