import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import type { MonthIncomes } from '@/lib/domain';

export type PersonIncomeGroups = {
  /** Number of persons of the report. */
  count: number;
  /** Per month of the quarter (m1..m3): each distinct income given and how many persons have it. */
  months: [MonthIncomes, MonthIncomes, MonthIncomes];
};

/** "1,2,3" as numbers (text travels fastest: no row or array element per amount). */
function numbersOf(text: unknown): Float64Array {
  if (typeof text !== 'string' || text === '') return new Float64Array(0);
  const parts = text.split(',');
  const out = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i += 1) out[i] = Number(parts[i]);
  return out;
}

/**
 * A report's persons' incomes grouped by the database, one statement whatever the number of
 * persons (issue 15): for each month of the quarter, every distinct income given (null = none)
 * with its number of persons, and the number of persons. `report` must have been loaded through
 * the caller's scope.
 */
export async function loadPersonIncomeGroups(
  db: DbOrTx,
  report: { id: string; employerId: string },
): Promise<PersonIncomeGroups> {
  // Each month's distinct incomes with their counts, as one list "income,count,income,count…"
  // (one aggregate, so the pairs cannot come apart).
  const month = (c: 'a' | 'b' | 'c') =>
    sql.raw(`(select string_agg(g.v::text || ',' || g.n::text, ',')
      from (select ${c} as v, count(*) as n from p where ${c} is not null group by ${c}) g)`);
  const [row] = await db
    .select({
      count: sql<number>`x.count`,
      m1: sql<string | null>`x.m1`,
      m2: sql<string | null>`x.m2`,
      m3: sql<string | null>`x.m3`,
    })
    .from(
      sql`(with p as materialized (
          select income_m1_qepik as a, income_m2_qepik as b, income_m3_qepik as c
          from report_persons where report_id = ${report.id} and employer_id = ${report.employerId})
        select (select count(*)::int from p) as count, ${month('a')} as m1, ${month('b')} as m2,
          ${month('c')} as m3) x`,
    );
  const groupsOf = (text: string | null | undefined): MonthIncomes => {
    const pairs = numbersOf(text);
    const incomeQepik = new Float64Array(pairs.length / 2);
    const persons = new Float64Array(pairs.length / 2);
    for (let k = 0; k < incomeQepik.length; k += 1) {
      incomeQepik[k] = pairs[2 * k] as number;
      persons[k] = pairs[2 * k + 1] as number;
    }
    return { incomeQepik, persons };
  };
  return {
    count: Number(row?.count ?? 0),
    months: [groupsOf(row?.m1), groupsOf(row?.m2), groupsOf(row?.m3)],
  };
}
