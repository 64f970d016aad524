// What a corrective report changes against the report it replaces (issue 6 §11).
import type { MonthKey } from '../calendar';

export interface PersonMonthFigures {
  readonly fin: string;
  readonly month: MonthKey;
  readonly incomeQepik: number;
  readonly employerQepik: number;
  readonly employeeQepik: number;
}

export interface PersonMonthChange {
  readonly fin: string;
  readonly month: MonthKey;
  readonly kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  readonly incomeBeforeQepik: number;
  readonly incomeAfterQepik: number;
  readonly mdssBeforeQepik: number;
  readonly mdssAfterQepik: number;
}

/**
 * Per person and month, what changed between two reports: a month that appears only in the new
 * report is ADDED, only in the old one REMOVED, in both with another income or MDSS CHANGED.
 * Unchanged months are left out. Sorted by FIN, then month, whatever the input order.
 */
export function diffPersonMonths(
  before: readonly PersonMonthFigures[],
  after: readonly PersonMonthFigures[],
): PersonMonthChange[] {
  const key = (r: PersonMonthFigures) => `${r.fin}|${r.month}`;
  const old = new Map(before.map((r) => [key(r), r]));
  const changes: PersonMonthChange[] = [];
  const seen = new Set<string>();
  for (const r of after) {
    const k = key(r);
    seen.add(k);
    const o = old.get(k);
    const mdssAfter = r.employerQepik + r.employeeQepik;
    if (!o) {
      changes.push({
        fin: r.fin,
        month: r.month,
        kind: 'ADDED',
        incomeBeforeQepik: 0,
        incomeAfterQepik: r.incomeQepik,
        mdssBeforeQepik: 0,
        mdssAfterQepik: mdssAfter,
      });
      continue;
    }
    const mdssBefore = o.employerQepik + o.employeeQepik;
    if (o.incomeQepik !== r.incomeQepik || mdssBefore !== mdssAfter) {
      changes.push({
        fin: r.fin,
        month: r.month,
        kind: 'CHANGED',
        incomeBeforeQepik: o.incomeQepik,
        incomeAfterQepik: r.incomeQepik,
        mdssBeforeQepik: mdssBefore,
        mdssAfterQepik: mdssAfter,
      });
    }
  }
  for (const o of before) {
    if (seen.has(key(o))) continue;
    changes.push({
      fin: o.fin,
      month: o.month,
      kind: 'REMOVED',
      incomeBeforeQepik: o.incomeQepik,
      incomeAfterQepik: 0,
      mdssBeforeQepik: o.employerQepik + o.employeeQepik,
      mdssAfterQepik: 0,
    });
  }
  return changes.sort((a, b) =>
    a.fin !== b.fin ? (a.fin < b.fin ? -1 : 1) : a.month < b.month ? -1 : a.month > b.month ? 1 : 0,
  );
}
