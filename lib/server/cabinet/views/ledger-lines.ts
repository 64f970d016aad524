import 'server-only';
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { ledgerEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodDates, periodMonths } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { exactQepikTotal } from '../../exact-sum';
import type { CabinetContext } from '../cabinet-context';
import { categorySql, entriesUpTo, obligationMonthSql } from '../ledger-sql';

// Views 10, 14, 15 and 16: the ledger lines behind the totals of view 7, of one kind each. Write-
// offs of MDSS (15) and of other debt (16) are told apart by what the entry settles (its target),
// never by its memo text.

/** Entries of the chosen code dated within the period (up to the "as at" date). */
function inPeriod(context: CabinetContext): SQL {
  const { from, to } = periodDates(context.query.period, context.query.asOf);
  return and(
    entriesUpTo(context, to),
    from === null ? undefined : gte(ledgerEntries.entryDate, from),
  ) as SQL;
}

/** View 10: MDSS calculated per contribution month and side (accruals and corrections). */
export async function mdssCalculationTables(
  db: DbOrTx,
  context: CabinetContext,
): Promise<CabinetTable[]> {
  const { to } = periodDates(context.query.period, context.query.asOf);
  const months = periodMonths(context.query.period);
  const month = obligationMonthSql;
  const side = sql<string>`coalesce(${ledgerEntries.obligationSide},
    case ${ledgerEntries.kind} when 'MDSS_ACCRUAL_EMPLOYEE' then 'EMPLOYEE' else 'EMPLOYER' end)`;
  const sideSum = (which: 'EMPLOYER' | 'EMPLOYEE') =>
    sql<string>`coalesce(sum(case when ${side} = ${which} then ${ledgerEntries.amountQepik} else 0 end), 0)::text`;
  const rows = await db
    .select({ month, employer: sideSum('EMPLOYER'), employee: sideSum('EMPLOYEE') })
    .from(ledgerEntries)
    .where(
      and(
        entriesUpTo(context, to),
        eq(categorySql, 'MDSS'),
        inArray(ledgerEntries.kind, [
          'MDSS_ACCRUAL_EMPLOYER',
          'MDSS_ACCRUAL_EMPLOYEE',
          'ADJUSTMENT',
        ]),
        months.from === null ? undefined : gte(month, months.from),
        months.to === null ? undefined : lte(month, months.to),
      ),
    )
    .groupBy(month)
    .orderBy(asc(month));
  return [
    cabinetTable({
      id: 'mdss-calculations',
      title: 'cabinetLedger.mdssCalculationsTable',
      columns: [
        { key: 'month', label: 'cabinetLedger.month', kind: 'month' },
        { key: 'employer', label: 'cabinetLedger.employerSide', kind: 'money', total: true },
        { key: 'employee', label: 'cabinetLedger.employeeSide', kind: 'money', total: true },
        { key: 'total', label: 'cabinetLedger.mdssTotal', kind: 'money', total: true },
      ],
      rows: rows.map((r) => {
        const employer = exactQepikTotal(r.employer);
        const employee = exactQepikTotal(r.employee);
        return {
          key: r.month ?? 'none',
          cells: { month: r.month, employer, employee, total: employer + employee },
        };
      }),
    }),
  ];
}

type LineKind = 'FINES' | 'MDSS_WRITE_OFFS' | 'OTHER_WRITE_OFFS';

async function lines(db: DbOrTx, context: CabinetContext, which: LineKind) {
  const where =
    which === 'FINES'
      ? eq(categorySql, 'FINES')
      : and(
          eq(ledgerEntries.kind, 'WRITE_OFF'),
          which === 'MDSS_WRITE_OFFS' ? eq(categorySql, 'MDSS') : sql`${categorySql} <> 'MDSS'`,
        );
  return db
    .select({
      id: ledgerEntries.id,
      date: ledgerEntries.entryDate,
      kind: ledgerEntries.kind,
      category: categorySql,
      month: obligationMonthSql,
      memo: ledgerEntries.memo,
      amount: ledgerEntries.amountQepik,
    })
    .from(ledgerEntries)
    .where(and(inPeriod(context), where))
    .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.id));
}

/** View 14: fines and financial sanctions with their basis and date, and what settled them. */
export async function fineTables(db: DbOrTx, context: CabinetContext): Promise<CabinetTable[]> {
  const words = await serverTranslations('cabinetLedger');
  const rows = await lines(db, context, 'FINES');
  return [
    cabinetTable({
      id: 'fines',
      title: 'cabinetLedger.finesTable',
      columns: [
        { key: 'date', label: 'cabinetLedger.date', kind: 'date' },
        { key: 'type', label: 'cabinetLedger.type', kind: 'text' },
        { key: 'basis', label: 'cabinetLedger.basis', kind: 'text' },
        { key: 'accrued', label: 'cabinetLedger.imposed', kind: 'money', total: true },
        { key: 'settled', label: 'cabinetLedger.settled', kind: 'money', total: true },
      ],
      rows: rows.map((r) => ({
        key: String(r.id),
        cells: {
          date: r.date,
          type: words(`kind${r.kind}`),
          basis: r.memo,
          accrued: r.amount > 0 ? r.amount : 0,
          settled: r.amount < 0 ? -r.amount : 0,
        },
      })),
    }),
  ];
}

/** Views 15 and 16: the write-offs of MDSS debt, and of every other debt, as separate kinds. */
async function writeOffTables(
  db: DbOrTx,
  context: CabinetContext,
  which: 'MDSS_WRITE_OFFS' | 'OTHER_WRITE_OFFS',
): Promise<CabinetTable[]> {
  const words = await serverTranslations('cabinetLedger');
  const rows = await lines(db, context, which);
  const mdss = which === 'MDSS_WRITE_OFFS';
  return [
    cabinetTable({
      id: mdss ? 'mdss-write-offs' : 'other-write-offs',
      title: mdss ? 'cabinetLedger.mdssWriteOffsTable' : 'cabinetLedger.otherWriteOffsTable',
      columns: [
        { key: 'date', label: 'cabinetLedger.date', kind: 'date' },
        mdss
          ? { key: 'month', label: 'cabinetLedger.month', kind: 'month' }
          : { key: 'category', label: 'cabinetLedger.category', kind: 'text' },
        { key: 'basis', label: 'cabinetLedger.basis', kind: 'text' },
        { key: 'amount', label: 'cabinetLedger.writtenOff', kind: 'money', total: true },
      ],
      rows: rows.map((r) => ({
        key: String(r.id),
        cells: {
          date: r.date,
          ...(mdss ? { month: r.month } : { category: words(`category${r.category}`) }),
          basis: r.memo,
          amount: exactQepikTotal(-r.amount),
        },
      })),
    }),
  ];
}

export const mdssWriteOffTables = (db: DbOrTx, context: CabinetContext) =>
  writeOffTables(db, context, 'MDSS_WRITE_OFFS');
export const otherWriteOffTables = (db: DbOrTx, context: CabinetContext) =>
  writeOffTables(db, context, 'OTHER_WRITE_OFFS');
