// Distributing what was paid for each month and side over the insured persons (DOMAIN.md §5,
// §7, SPEC F19, F22).
import type { MonthKey } from '../calendar';
import type { Qepik } from '../money';
import { err, ok, type Result } from '../result';
import { computeEqualShares, type EqualSplitCode } from './equal-split';

/**
 * What a person still owes for one month, per side. The contribution rows of
 * calculateQuarterContributions have this shape, so they can be distributed directly.
 */
export interface PersonMonthDue {
  readonly fin: string;
  readonly month: MonthKey;
  readonly employerQepik: number;
  readonly employeeQepik: number;
}

export interface PersonMonthPayment {
  readonly fin: string;
  readonly month: MonthKey;
  readonly employerQepik: Qepik;
  readonly employeeQepik: Qepik;
}

/** The amount applied to one month's MDSS, per side (DOMAIN.md §5: the payment's class code). */
export interface MonthSidePaid {
  readonly month: MonthKey;
  readonly employerQepik: number;
  readonly employeeQepik: number;
}

export interface QuarterDistribution {
  /** One row per due row, in FIN order, months oldest first. */
  readonly rows: readonly PersonMonthPayment[];
  readonly distributedQepik: Qepik;
  /** Paid beyond every person's due of that month and side. */
  readonly undistributedQepik: Qepik;
}

function compareDues(a: PersonMonthDue, b: PersonMonthDue): number {
  if (a.fin !== b.fin) return a.fin < b.fin ? -1 : 1;
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

function isSorted(dues: readonly PersonMonthDue[]): boolean {
  for (let k = 1; k < dues.length; k += 1) {
    if (compareDues(dues[k - 1] as PersonMonthDue, dues[k] as PersonMonthDue) >= 0) return false;
  }
  return true;
}

/**
 * What was applied to each month and side is split equally among the persons who owe that
 * month and side (water-filling: floor(P / n) capped at each due, the fully paid leave, the last
 * qəpiks one at a time in FIN order). So every person's row of a month adds up, per side, to
 * exactly what the ledger applied to that month and side: the report's steps, document, posting
 * and receipt agree to the qəpik. Input order does not matter. DOMAIN.md §5, §7, SPEC F22.
 */
export function distributePayment(
  paid: readonly MonthSidePaid[],
  dues: readonly PersonMonthDue[],
): Result<QuarterDistribution, EqualSplitCode> {
  let total = 0;
  for (const due of dues) {
    if (!Number.isSafeInteger(due.employerQepik) || !Number.isSafeInteger(due.employeeQepik)) {
      return err('AMOUNT_NOT_INTEGER_QEPIK', { fin: due.fin });
    }
    if (due.employerQepik < 0 || due.employeeQepik < 0)
      return err('AMOUNT_NEGATIVE', { fin: due.fin });
    total += due.employerQepik + due.employeeQepik;
    if (!Number.isSafeInteger(total)) return err('AMOUNT_TOO_LARGE');
  }
  let paidTotal = 0;
  const paidByMonth = new Map<MonthKey, { employerQepik: number; employeeQepik: number }>();
  for (const p of paid) {
    for (const amount of [p.employerQepik, p.employeeQepik]) {
      if (!Number.isSafeInteger(amount)) return err('AMOUNT_NOT_INTEGER_QEPIK');
      if (amount < 0) return err('AMOUNT_NEGATIVE');
      paidTotal += amount;
    }
    if (!Number.isSafeInteger(paidTotal)) return err('AMOUNT_TOO_LARGE');
    const seen = paidByMonth.get(p.month) ?? { employerQepik: 0, employeeQepik: 0 };
    paidByMonth.set(p.month, {
      employerQepik: seen.employerQepik + p.employerQepik,
      employeeQepik: seen.employeeQepik + p.employeeQepik,
    });
  }
  // Rows from calculateQuarterContributions come in FIN order already: sort only if not.
  const rowsInOrder = isSorted(dues) ? dues : [...dues].sort(compareDues);
  for (let k = 1; k < rowsInOrder.length; k += 1) {
    const a = rowsInOrder[k - 1] as PersonMonthDue;
    const b = rowsInOrder[k] as PersonMonthDue;
    if (a.fin === b.fin && a.month === b.month) return err('DUPLICATE_FIN', { fin: a.fin });
  }
  const employer = new Float64Array(rowsInOrder.length);
  const employee = new Float64Array(rowsInOrder.length);
  const byMonth = new Map<MonthKey, number[]>();
  rowsInOrder.forEach((due, k) => {
    const list = byMonth.get(due.month);
    if (list) list.push(k);
    else byMonth.set(due.month, [k]);
  });
  let distributed = 0;
  for (const [month, p] of paidByMonth) {
    const indexes = byMonth.get(month) ?? [];
    const fins = indexes.map((k) => (rowsInOrder[k] as PersonMonthDue).fin);
    for (const [side, amount, target] of [
      ['employerQepik', p.employerQepik, employer],
      ['employeeQepik', p.employeeQepik, employee],
    ] as const) {
      if (amount === 0) continue;
      const debts = Float64Array.from(indexes, (k) => (rowsInOrder[k] as PersonMonthDue)[side]);
      const shares = computeEqualShares(amount, fins, debts);
      if (!shares.ok) return shares;
      indexes.forEach((k, i) => {
        target[k] = (target[k] as number) + (shares.value.sharesQepik[i] as number);
      });
      distributed += amount - shares.value.undistributedQepik;
    }
  }
  const rows = rowsInOrder.map((due, k) => ({
    fin: due.fin,
    month: due.month,
    employerQepik: employer[k] as Qepik,
    employeeQepik: employee[k] as Qepik,
  }));
  return ok({
    rows,
    distributedQepik: distributed as Qepik,
    undistributedQepik: (paidTotal - distributed) as Qepik,
  });
}
