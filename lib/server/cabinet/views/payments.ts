import 'server-only';
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { economicClassCodes, payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodDates } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { exactQepikTotal } from '../../exact-sum';
import { remainderSql } from '../../reports/payment-remainder';
import type { CabinetContext } from '../cabinet-context';

/**
 * View 17 (SPEC E3): the payments the fund recorded for the employer within the period, with
 * their classification code's side, how much of each the reports that stand use and what is
 * left (the remainder rule of DOMAIN §6, derived, never stored).
 */
export async function paymentTables(db: DbOrTx, context: CabinetContext): Promise<CabinetTable[]> {
  const { from, to } = periodDates(context.query.period, context.query.asOf);
  const words = await serverTranslations('cabinetLedger');
  const rows = await db
    .select({
      id: payments.id,
      date: payments.paymentDate,
      bankReference: payments.bankReference,
      code: payments.activityCode,
      classCode: payments.economicClassCode,
      side: economicClassCodes.side,
      amount: payments.amountQepik,
      remainder: remainderSql,
    })
    .from(payments)
    .innerJoin(economicClassCodes, eq(economicClassCodes.code, payments.economicClassCode))
    .where(
      and(
        eq(payments.employerId, context.scope.employerId),
        lte(payments.paymentDate, to),
        from === null ? undefined : gte(payments.paymentDate, from),
      ),
    )
    .orderBy(desc(payments.paymentDate), desc(payments.bankReference));
  return [
    cabinetTable({
      id: 'payments',
      title: 'cabinetLedger.paymentsTable',
      columns: [
        { key: 'date', label: 'cabinetLedger.date', kind: 'date' },
        { key: 'bankReference', label: 'cabinetLedger.bankReference', kind: 'code' },
        { key: 'code', label: 'cabinetLedger.code', kind: 'code' },
        { key: 'classCode', label: 'cabinetLedger.classCode', kind: 'code' },
        { key: 'side', label: 'cabinetLedger.side', kind: 'text' },
        { key: 'amount', label: 'cabinetLedger.amount', kind: 'money', total: true },
        { key: 'used', label: 'cabinetLedger.used', kind: 'money', total: true },
        { key: 'remainder', label: 'cabinetLedger.remainder', kind: 'money', total: true },
      ],
      rows: rows.map((r) => {
        const remainder = exactQepikTotal(r.remainder);
        return {
          key: r.id,
          cells: {
            date: r.date,
            bankReference: r.bankReference,
            code: r.code,
            classCode: r.classCode,
            side: words(`side${r.side}`),
            amount: r.amount,
            used: r.amount - remainder,
            remainder,
          },
        };
      }),
    }),
  ];
}
