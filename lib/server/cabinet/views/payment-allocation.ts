import 'server-only';
import { and, asc, eq, gte } from 'drizzle-orm';
import { ledgerEntries, payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodDates } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverTranslations } from '@/lib/i18n/server-translations';
import type { CabinetContext } from '../cabinet-context';
import { categorySql, entriesUpTo, obligationMonthSql } from '../ledger-sql';

/**
 * View 11 (issue 13 §5): how each payment was applied to the chosen code's debt, in the DOMAIN §5
 * order that posting followed — this quarter's MDSS, older MDSS, penalty, fines, other, and the
 * overpayment carried forward — one line per ledger entry, dated when it was applied.
 */
export async function paymentAllocationTables(
  db: DbOrTx,
  context: CabinetContext,
): Promise<CabinetTable[]> {
  const { from, to } = periodDates(context.query.period, context.query.asOf);
  const words = await serverTranslations('cabinetLedger');
  const rows = await db
    .select({
      id: ledgerEntries.id,
      paymentDate: payments.paymentDate,
      bankReference: payments.bankReference,
      appliedOn: ledgerEntries.entryDate,
      category: categorySql,
      month: obligationMonthSql,
      side: ledgerEntries.obligationSide,
      amount: ledgerEntries.amountQepik,
    })
    .from(ledgerEntries)
    .innerJoin(payments, eq(payments.id, ledgerEntries.paymentId))
    .where(
      and(
        entriesUpTo(context, to),
        eq(ledgerEntries.kind, 'PAYMENT'),
        from === null ? undefined : gte(ledgerEntries.entryDate, from),
      ),
    )
    .orderBy(
      asc(payments.paymentDate),
      asc(payments.bankReference),
      asc(ledgerEntries.entryDate),
      asc(ledgerEntries.id),
    );
  return [
    cabinetTable({
      id: 'payment-allocation',
      title: 'cabinetLedger.allocationTable',
      columns: [
        { key: 'paymentDate', label: 'cabinetLedger.paymentDate', kind: 'date' },
        { key: 'bankReference', label: 'cabinetLedger.bankReference', kind: 'code' },
        { key: 'appliedOn', label: 'cabinetLedger.appliedOn', kind: 'date' },
        { key: 'appliedTo', label: 'cabinetLedger.appliedTo', kind: 'text' },
        { key: 'month', label: 'cabinetLedger.month', kind: 'month' },
        { key: 'side', label: 'cabinetLedger.side', kind: 'text' },
        { key: 'amount', label: 'cabinetLedger.amount', kind: 'money', total: true },
      ],
      rows: rows.map((r) => ({
        key: String(r.id),
        cells: {
          paymentDate: r.paymentDate,
          bankReference: r.bankReference,
          appliedOn: r.appliedOn,
          appliedTo: words(`category${r.category}`),
          month: r.category === 'MDSS' ? r.month : null,
          side: r.side ? words(`side${r.side}`) : null,
          amount: -r.amount,
        },
      })),
    }),
  ];
}
