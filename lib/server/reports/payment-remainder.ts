import 'server-only';
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { payments, reportPayments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { exactQepikTotal } from '../exact-sum';
import type { ReportRow } from './report-draft';

// The remainder rule of DOMAIN.md §6 / SPEC F6: a payment is used by at most its amount across
// all reports that stand (see remainderSql), so the remainder is derived, never stored.

/** amount − what reports use − what distributions moved − a reversal, as SQL on `payments`. */
// Spelled out: in a single-table select drizzle renders ${payments.id} as a bare "id", which
// inside this subquery would bind to reports.id instead of the outer payment.
const outerPaymentId = sql.raw('"payments"."id"');

// A replaced report no longer holds its payments, and neither does an accepted report while a
// corrective one that replaces it is open: the corrective copy holds them instead (issue 6 §11).
/** Σ of what the reports that stand use of the outer payment. */
export const usedByReportsSql: SQL<string> = sql<string>`coalesce((
  select sum(rp.amount_qepik) from ${reportPayments} rp
  join reports r on r.id = rp.report_id
  where rp.payment_id = ${outerPaymentId}
    and r.status <> 'REPLACED'
    and not exists (
      select 1 from reports c
      where c.replaces_report_id = r.id and c.status in ('DRAFT', 'SENT', 'RETURNED')
    )
), 0)`;

/** Σ of the parts signed distributions made payments of their own (issue 13 §6–§8). */
export const distributedSql: SQL<string> = sql<string>`coalesce((
  select sum(part.amount_qepik) from payments part where part.source_payment_id = ${outerPaymentId}
), 0)`;

/** What a staff member's compensating entry took back of a wrong payment (issue 14 §5). */
export const reversedSql: SQL<string> = sql<string>`coalesce((
  select rv.amount_qepik from payment_reversals rv where rv.payment_id = ${outerPaymentId}
), 0)`;

export const remainderSql: SQL<string> = sql<string>`(${payments.amountQepik} - ${usedByReportsSql} - ${distributedSql} - ${reversedSql})`;

/** Payments a report may use: the employer's, of the report's activity code or of none. */
export function usableByReport(report: Pick<ReportRow, 'employerId' | 'activityCode'>): SQL {
  return and(
    eq(payments.employerId, report.employerId),
    or(eq(payments.activityCode, report.activityCode), isNull(payments.activityCode)),
  ) as SQL;
}

export type LockedPayment = {
  id: string;
  paymentDate: string;
  amountQepik: number;
  remainderQepik: number;
};

/**
 * Locks the payment rows (in id order, so concurrent callers cannot deadlock) and then reads
 * their remainders. Under READ COMMITTED the remainder query runs after the lock is granted and
 * so sees every allocation committed by the transaction that held it: two drafts can never
 * both take the same qəpik. The caller must be inside a transaction.
 */
export async function lockPaymentsWithRemainder(
  tx: DbOrTx,
  report: Pick<ReportRow, 'employerId' | 'activityCode'>,
  paymentIds: readonly string[] | 'ALL',
): Promise<LockedPayment[]> {
  const where =
    paymentIds === 'ALL'
      ? usableByReport(report)
      : and(usableByReport(report), inArray(payments.id, [...paymentIds]));
  const locked = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(where)
    .orderBy(asc(payments.id))
    .for('update');
  if (locked.length === 0) return [];
  const rows = await tx
    .select({
      id: payments.id,
      paymentDate: payments.paymentDate,
      amountQepik: payments.amountQepik,
      remainderQepik: remainderSql,
    })
    .from(payments)
    .where(
      inArray(
        payments.id,
        locked.map((p) => p.id),
      ),
    )
    .orderBy(asc(payments.paymentDate), asc(payments.id));
  // sum(bigint) is numeric and arrives as a string on both engines, read exactly.
  return rows.map((r) => ({ ...r, remainderQepik: exactQepikTotal(r.remainderQepik) }));
}
