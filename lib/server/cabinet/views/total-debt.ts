import 'server-only';
import { ledgerEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { cabinetHref, periodDates } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverLocale } from '@/lib/i18n/server-locale';
import { exactQepikTotal, sumAsText } from '../../exact-sum';
import type { CabinetContext } from '../cabinet-context';
import { categorySql, DEBT_CATEGORIES, entriesUpTo, type DebtCategory } from '../ledger-sql';

export const DEBT_COLUMNS = [
  { key: 'MDSS', label: 'cabinetLedger.mdss', kind: 'money', total: true },
  { key: 'PENALTY', label: 'cabinetLedger.penalty', kind: 'money', total: true },
  { key: 'FINES', label: 'cabinetLedger.fines', kind: 'money', total: true },
  { key: 'OTHER', label: 'cabinetLedger.other', kind: 'money', total: true },
  { key: 'CREDIT', label: 'cabinetLedger.credit', kind: 'money', total: true },
  { key: 'balance', label: 'cabinetLedger.balance', kind: 'money', total: true },
] as const;

/** Each code's balance per category at `to`, from the ledger (one grouped query). */
export async function balancesByCode(
  db: DbOrTx,
  context: CabinetContext,
  to: string,
  code: string | null,
): Promise<Map<string, Record<DebtCategory, number>>> {
  const rows = await db
    .select({
      code: ledgerEntries.activityCode,
      category: categorySql,
      total: sumAsText(ledgerEntries.amountQepik),
    })
    .from(ledgerEntries)
    .where(entriesUpTo(context, to, code))
    .groupBy(ledgerEntries.activityCode, categorySql);
  const byCode = new Map<string, Record<DebtCategory, number>>();
  for (const row of rows) {
    const line =
      byCode.get(row.code) ??
      (Object.fromEntries(DEBT_CATEGORIES.map((c) => [c, 0])) as Record<DebtCategory, number>);
    line[row.category] += exactQepikTotal(row.total);
    byCode.set(row.code, line);
  }
  return byCode;
}

/**
 * View 5: the whole debt across the employer's activity codes, by category, at the end of the
 * chosen period (or the "as at" date); each code's line opens view 7 for that code. The balance
 * column and its total are the ledger's balance (an overpayment carried forward is negative).
 */
export async function totalDebtTables(
  db: DbOrTx,
  context: CabinetContext,
): Promise<CabinetTable[]> {
  const { to } = periodDates(context.query.period, context.query.asOf);
  const balances = await balancesByCode(db, context, to, null);
  const codes = new Set([...context.codes.map((c) => c.code), ...balances.keys()]);
  const names = new Map(context.codes.map((c) => [c.code, c]));
  const english = (await serverLocale()) === 'en';
  return [
    cabinetTable({
      id: 'total-debt',
      title: 'cabinetLedger.totalDebtTable',
      columns: [
        { key: 'code', label: 'cabinetLedger.code', kind: 'code' },
        { key: 'activity', label: 'cabinetLedger.activity', kind: 'text' },
        ...DEBT_COLUMNS,
      ],
      rows: [...codes].sort().map((code) => {
        const line = balances.get(code);
        const name = names.get(code);
        const cells: Record<string, number | string | null> = {
          code,
          activity: name ? (english ? name.nameEn : name.nameAz) : null,
        };
        let balance = 0;
        for (const category of DEBT_CATEGORIES) {
          cells[category] = line?.[category] ?? 0;
          balance += line?.[category] ?? 0;
        }
        cells.balance = balance;
        return {
          key: code,
          cells,
          href: cabinetHref('debts', { ...context.query, code }),
        };
      }),
    }),
  ];
}
