import 'server-only';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { ledgerEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodDates, periodMonths } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { exactQepikTotal } from '../../exact-sum';
import type { CabinetContext } from '../cabinet-context';
import {
  categorySql,
  DEBT_CATEGORIES,
  entriesUpTo,
  obligationMonthSql,
  type DebtCategory,
} from '../ledger-sql';

const positive = sql<string>`coalesce(sum(case when ${ledgerEntries.amountQepik} > 0 then ${ledgerEntries.amountQepik} else 0 end), 0)::text`;
const negative = sql<string>`coalesce(sum(case when ${ledgerEntries.amountQepik} < 0 then -${ledgerEntries.amountQepik} else 0 end), 0)::text`;

/**
 * View 7 ("Borclara baxış") for the chosen code: a statement per category — the balance at the
 * period's start, what raised and what lowered it within the period, the balance at its end
 * (the ledger balance at that date) — and the MDSS debt per contribution month.
 */
export async function debtTables(db: DbOrTx, context: CabinetContext): Promise<CabinetTable[]> {
  const { from, to } = periodDates(context.query.period, context.query.asOf);
  const inPeriod =
    from === null ? sql<boolean>`true` : sql<boolean>`${ledgerEntries.entryDate} >= ${from}`;
  const rows = await db
    .select({
      category: categorySql,
      before: sql<string>`coalesce(sum(case when not (${inPeriod}) then ${ledgerEntries.amountQepik} else 0 end), 0)::text`,
      raised: sql<string>`coalesce(sum(case when (${inPeriod}) and ${ledgerEntries.amountQepik} > 0 then ${ledgerEntries.amountQepik} else 0 end), 0)::text`,
      lowered: sql<string>`coalesce(sum(case when (${inPeriod}) and ${ledgerEntries.amountQepik} < 0 then -${ledgerEntries.amountQepik} else 0 end), 0)::text`,
    })
    .from(ledgerEntries)
    .where(entriesUpTo(context, to))
    .groupBy(categorySql);
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  const words = await serverTranslations('cabinetLedger');
  const statement = cabinetTable({
    id: 'debt-statement',
    title: 'cabinetLedger.statementTable',
    columns: [
      { key: 'category', label: 'cabinetLedger.category', kind: 'text' },
      { key: 'start', label: 'cabinetLedger.atStart', kind: 'money', total: true },
      { key: 'raised', label: 'cabinetLedger.raised', kind: 'money', total: true },
      { key: 'lowered', label: 'cabinetLedger.lowered', kind: 'money', total: true },
      { key: 'end', label: 'cabinetLedger.atEnd', kind: 'money', total: true },
    ],
    rows: DEBT_CATEGORIES.map((category: DebtCategory) => {
      const row = byCategory.get(category);
      const start = exactQepikTotal(row?.before ?? 0);
      const raised = exactQepikTotal(row?.raised ?? 0);
      const lowered = exactQepikTotal(row?.lowered ?? 0);
      return {
        key: category,
        cells: {
          category: words(`category${category}`),
          start,
          raised,
          lowered,
          end: start + raised - lowered,
        },
      };
    }),
  });
  return [statement, await mdssByMonth(db, context, to)];
}

async function mdssByMonth(db: DbOrTx, context: CabinetContext, to: string): Promise<CabinetTable> {
  const months = periodMonths(context.query.period);
  const month = obligationMonthSql;
  const rows = await db
    .select({ month, accrued: positive, settled: negative })
    .from(ledgerEntries)
    .where(
      and(
        entriesUpTo(context, to),
        eq(categorySql, 'MDSS'),
        months.from === null ? undefined : gte(month, months.from),
        months.to === null ? undefined : lte(month, months.to),
      ),
    )
    .groupBy(month)
    .orderBy(asc(month));
  return cabinetTable({
    id: 'mdss-debt-by-month',
    title: 'cabinetLedger.mdssByMonthTable',
    columns: [
      { key: 'month', label: 'cabinetLedger.month', kind: 'month' },
      { key: 'accrued', label: 'cabinetLedger.accrued', kind: 'money', total: true },
      { key: 'settled', label: 'cabinetLedger.settled', kind: 'money', total: true },
      { key: 'remaining', label: 'cabinetLedger.remaining', kind: 'money', total: true },
    ],
    rows: rows.map((r) => {
      const accrued = exactQepikTotal(r.accrued);
      const settled = exactQepikTotal(r.settled);
      return {
        key: r.month ?? 'none',
        cells: { month: r.month, accrued, settled, remaining: accrued - settled },
      };
    }),
  });
}
