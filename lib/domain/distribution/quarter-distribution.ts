// Distributing a paid amount over persons, months and sides (DOMAIN.md §7, SPEC F19, F22).
import type { MonthKey } from '../calendar';
import type { Qepik } from '../money';
import { err, ok, type Result } from '../result';
import { computeEqualShares, type EqualSplitCode } from './equal-split';
import { employeeSideQepik } from './side-split';

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

export interface QuarterDistribution {
  readonly rows: readonly PersonMonthPayment[];
  readonly distributedQepik: Qepik;
  readonly undistributedQepik: Qepik;
}

function compareDues(a: PersonMonthDue, b: PersonMonthDue): number {
  if (a.fin !== b.fin) return a.fin < b.fin ? -1 : 1;
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

/** Consecutive rows of one FIN form a run: a person's months, to be ordered oldest first. */
function toRuns(dues: readonly PersonMonthDue[]): {
  fins: string[];
  starts: number[];
  debts: Float64Array;
} {
  const fins: string[] = [];
  const starts: number[] = [];
  for (let k = 0; k < dues.length; k += 1) {
    const fin = (dues[k] as PersonMonthDue).fin;
    if (fin !== fins[fins.length - 1]) {
      fins.push(fin);
      starts.push(k);
    }
  }
  starts.push(dues.length);
  const debts = new Float64Array(fins.length);
  for (let p = 0; p < fins.length; p += 1) {
    let debt = 0;
    for (let k = starts[p] as number; k < (starts[p + 1] as number); k += 1) {
      const due = dues[k] as PersonMonthDue;
      debt += due.employerQepik + due.employeeQepik;
    }
    debts[p] = debt;
  }
  return { fins, starts, debts };
}

/**
 * Splits the paid amount equally among persons in debt (water-filling), then covers each
 * person's months oldest first and, within a month, the two sides pro rata with the
 * remainder qəpik to the employer. Rows come in FIN order, months oldest first, whatever the
 * input order. DOMAIN.md §7, SPEC F22.
 */
export function distributePayment(
  paidQepik: number,
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
  // Rows straight from calculateQuarterContributions are already grouped by person, so
  // grouping is a linear pass; a FIN split over two runs shows up as a duplicate, and only
  // then do we pay for sorting the rows.
  let rowsInOrder = dues;
  let runs = toRuns(rowsInOrder);
  let shares = computeEqualShares(paidQepik, runs.fins, runs.debts);
  if (!shares.ok && shares.code === 'DUPLICATE_FIN') {
    rowsInOrder = [...dues].sort(compareDues);
    runs = toRuns(rowsInOrder);
    shares = computeEqualShares(paidQepik, runs.fins, runs.debts);
  }
  if (!shares.ok) return shares;
  const rows = new Array<PersonMonthPayment>(rowsInOrder.length);
  let next = 0;
  const order = shares.value.finOrder;
  for (let q = 0; q < order.length; q += 1) {
    const p = order[q] as number;
    let leftQepik = shares.value.sharesQepik[p] as number;
    const start = runs.starts[p] as number;
    const end = runs.starts[p + 1] as number;
    let months: readonly PersonMonthDue[] = rowsInOrder;
    let from = start;
    let to = end;
    for (let k = start + 1; k < end; k += 1) {
      if ((rowsInOrder[k - 1] as PersonMonthDue).month > (rowsInOrder[k] as PersonMonthDue).month) {
        months = rowsInOrder.slice(start, end).sort(compareDues);
        [from, to] = [0, end - start];
        break;
      }
    }
    for (let k = from; k < to; k += 1) {
      const due = months[k] as PersonMonthDue;
      const dueQepik = due.employerQepik + due.employeeQepik;
      const coveredQepik = Math.min(leftQepik, dueQepik);
      const employeeQepik =
        dueQepik === 0 ? 0 : employeeSideQepik(coveredQepik, due.employeeQepik, dueQepik);
      leftQepik -= coveredQepik;
      rows[next] = {
        fin: due.fin,
        month: due.month,
        employerQepik: (coveredQepik - employeeQepik) as Qepik,
        employeeQepik: employeeQepik as Qepik,
      };
      next += 1;
    }
  }
  const undistributedQepik = shares.value.undistributedQepik;
  return ok({
    rows,
    distributedQepik: (paidQepik - undistributedQepik) as Qepik,
    undistributedQepik: undistributedQepik as Qepik,
  });
}
