import 'server-only';
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { economicClassCodes, payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodDates } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { exactQepikTotal } from '../../exact-sum';
import {
  distributedSql,
  remainderSql,
  reversedSql,
  usedByReportsSql,
} from '../../reports/payment-remainder';
import type { CabinetContext } from '../cabinet-context';

/**
 * View 17 (SPEC E3): the payments the fund recorded for the employer within the period, with
 * their classification code's side, how much of each the reports that stand use and what is
 * left (the remainder rule of DOMAIN §6, derived, never stored); parts of signed distributions
 * (issue 13 §6–§8) are rows of their own.
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
      isPart: sql<boolean>`${payments.sourcePaymentId} is not null`,
      used: usedByReportsSql,
      distributed: distributedSql,
      reversed: reversedSql,
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
        {
          key: 'received',
          label: 'cabinetLedger.receivedByDistribution',
          kind: 'money',
          total: true,
        },
        { key: 'used', label: 'cabinetLedger.used', kind: 'money', total: true },
        {
          key: 'distributed',
          label: 'cabinetLedger.distributedOnward',
          kind: 'money',
          total: true,
        },
        // A wrong payment the fund reversed (issue 14 §5): its remainder is 0.
        { key: 'reversed', label: 'staffPayments.cabinetReversed', kind: 'money', total: true },
        { key: 'remainder', label: 'cabinetLedger.remainder', kind: 'money', total: true },
      ],
      // A payment from the bank counts in "amount"; a part a signed distribution made counts in
      // "received", so the foot never counts the same money twice: amount + received − used −
      // distributed − reversed = remainder, for every row and for the foot.
      rows: rows.map((r) => ({
        key: r.id,
        cells: {
          date: r.date,
          bankReference: r.bankReference,
          code: r.code,
          classCode: r.classCode,
          side: words(`side${r.side}`),
          amount: r.isPart ? null : r.amount,
          received: r.isPart ? r.amount : null,
          used: exactQepikTotal(r.used),
          distributed: exactQepikTotal(r.distributed),
          reversed: exactQepikTotal(r.reversed) === 0 ? null : exactQepikTotal(r.reversed),
          remainder: exactQepikTotal(r.remainder),
        },
      })),
    }),
  ];
}
