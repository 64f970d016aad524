import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { ledgerEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { dateFromDayNumber, parseIsoDate, type IsoDate } from '@/lib/domain/calendar';
import { exactQepikTotal, sumAsText } from '../exact-sum';
import type { CabinetContext } from './cabinet-context';
import { categorySql, DEBT_CATEGORIES, entriesUpTo, type DebtCategory } from './ledger-sql';

// Issue 13 §11: the debt at the end of each of the last 8 quarters, by category, read from the
// ledger like every cabinet figure (one grouped query: a conditional sum per quarter end), so
// each point is the ledger balance at that date.

export const CHART_QUARTERS = 8;

export interface QuarterDebt {
  readonly year: number;
  readonly quarter: number;
  /** The quarter's last day, or asOf for the quarter asOf falls in. */
  readonly date: IsoDate;
  readonly debts: Readonly<Record<DebtCategory, number>>;
  readonly balanceQepik: number;
}

/** The last day of the 7 quarters before asOf's, then asOf itself, oldest first. */
export function chartQuarterEnds(
  asOf: IsoDate,
): { year: number; quarter: number; date: IsoDate }[] {
  const year = Number(asOf.slice(0, 4));
  const quarter = Math.ceil(Number(asOf.slice(5, 7)) / 3);
  const points: { year: number; quarter: number; date: IsoDate }[] = [];
  for (let back = CHART_QUARTERS - 1; back >= 0; back -= 1) {
    const index = year * 4 + (quarter - 1) - back;
    const y = Math.floor(index / 4);
    const q = (index % 4) + 1;
    const firstOfNext = parseIsoDate(
      q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`,
    );
    const end = firstOfNext.ok ? dateFromDayNumber(firstOfNext.value - 1) : asOf;
    points.push({ year: y, quarter: q, date: back === 0 || end > asOf ? asOf : end });
  }
  return points;
}

/** The employer's (code = null) or one code's debt by category at each chart point. */
export async function quarterDebts(
  db: DbOrTx,
  context: CabinetContext,
  code: string | null,
): Promise<QuarterDebt[]> {
  const points = chartQuarterEnds(context.query.asOf);
  const columns: Record<string, SQL<string>> = {};
  points.forEach((p, i) => {
    columns[`q${i}`] = sumAsText(
      sql`case when ${ledgerEntries.entryDate} <= ${p.date} then ${ledgerEntries.amountQepik} else 0 end`,
    );
  });
  const rows = await db
    .select({ category: categorySql, ...columns })
    .from(ledgerEntries)
    .where(entriesUpTo(context, context.query.asOf, code))
    .groupBy(categorySql);
  return points.map((p, i) => {
    const debts = Object.fromEntries(DEBT_CATEGORIES.map((c) => [c, 0])) as Record<
      DebtCategory,
      number
    >;
    for (const row of rows) {
      debts[row.category] += exactQepikTotal((row as Record<string, unknown>)[`q${i}`]);
    }
    const balanceQepik = DEBT_CATEGORIES.reduce((s, c) => s + debts[c], 0);
    return { ...p, debts, balanceQepik };
  });
}
