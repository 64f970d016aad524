import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import {
  EDITABLE_STATUSES,
  REPORT_LINE_CATEGORIES,
  reports,
  reportSeniority,
  reportSignatories,
  type ReportLineCategory,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { MonthKey } from '@/lib/domain';
import type { EmployerScope } from '../access';
import { ledgerBalanceBefore } from './report-ledger';
import { quarterBounds, reportPeriod, type ReportRow } from './report-draft';
import { loadReportContext, type ReportContext } from './persons/report-context';

export type ReportView = Omit<ReportRow, 'stepState' | 'confirmations'> & {
  stepState: Record<string, string>;
  confirmations: Record<string, unknown>;
  months: { month: MonthKey; labourPaymentsQepik: number | null; headcount: number | null }[];
  nonLiableIncomes: { id: string; reasonCode: string; month: string; amountQepik: number }[];
  payments: {
    paymentId: string;
    usedQepik: number;
    paymentDate: string;
    paymentAmountQepik: number;
    bankReference: string;
    economicClassCode: string;
    activityCode: string | null;
  }[];
  paymentsUsedQepik: number;
  lines: { category: ReportLineCategory; accruedQepik: number; paidQepik: number }[];
  counts: { persons: number; seniority: number };
  seniority: (typeof reportSeniority.$inferSelect)[];
  signatories: (typeof reportSignatories.$inferSelect)[];
};

type Children = {
  months: { month: string; labourPaymentsQepik: number | null; headcount: number | null }[];
  incomes: ReportView['nonLiableIncomes'];
  used: ReportView['payments'];
  lines: { category: ReportLineCategory; accruedQepik: number; paidQepik: number }[];
  seniority: ReportView['seniority'];
  signatories: ReportView['signatories'];
};

/**
 * Every small child table of a report in one statement (issue 15: a wizard step reads each
 * thing once, in few queries). json_agg keeps each table's own order; amounts are bounded
 * (MAX_AMOUNT_QEPIK), so they are exact as JSON numbers. Persons are not here: their counts are
 * on the report row (draft-change.ts), and F20 pages the rows itself.
 */
async function loadChildren(db: DbOrTx, reportId: string, employerId: string): Promise<Children> {
  const of = (t: string) =>
    sql.raw(`from ${t} c where c.report_id = r.id and c.employer_id = r.employer_id`);
  const [row] = await db
    .select({
      months: sql<Children['months']>`(select coalesce(json_agg(json_build_object(
        'month', c.month, 'labourPaymentsQepik', c.labour_payments_qepik, 'headcount', c.headcount)), '[]')
        ${of('report_months')})`,
      incomes: sql<Children['incomes']>`(select coalesce(json_agg(json_build_object(
        'id', c.id, 'reasonCode', c.reason_code, 'month', c.month, 'amountQepik', c.amount_qepik)
        order by c.month, c.id), '[]') ${of('report_non_liable_incomes')})`,
      used: sql<Children['used']>`(select coalesce(json_agg(json_build_object(
        'paymentId', c.payment_id, 'usedQepik', c.amount_qepik, 'paymentDate', p.payment_date,
        'paymentAmountQepik', p.amount_qepik, 'bankReference', p.bank_reference,
        'economicClassCode', p.economic_class_code, 'activityCode', p.activity_code)
        order by p.payment_date, p.id), '[]')
        from report_payments c join payments p on p.id = c.payment_id
        where c.report_id = r.id and c.employer_id = r.employer_id)`,
      lines: sql<Children['lines']>`(select coalesce(json_agg(json_build_object(
        'category', c.category, 'accruedQepik', c.accrued_qepik, 'paidQepik', c.paid_qepik)), '[]')
        ${of('report_lines')})`,
      seniority: sql<Children['seniority']>`(select coalesce(json_agg(json_build_object(
        'id', c.id, 'reportId', c.report_id, 'employerId', c.employer_id, 'fin', c.fin,
        'entryId', c.entry_id, 'days', c.days, 'fromDate', c.from_date, 'toDate', c.to_date)
        order by c.fin, c.id), '[]') ${of('report_seniority')})`,
      signatories: sql<Children['signatories']>`(select coalesce(json_agg(json_build_object(
        'reportId', c.report_id, 'employerId', c.employer_id, 'role', c.role, 'fin', c.fin,
        'documentType', c.document_type, 'surname', c.surname, 'name', c.name,
        'patronymic', c.patronymic)), '[]') ${of('report_signatories')})`,
    })
    .from(sql`${reports} r`)
    .where(and(eq(sql`r.id`, reportId), eq(sql`r.employer_id`, employerId)));
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    months: parse(row?.months ?? []),
    incomes: parse(row?.incomes ?? []),
    used: parse(row?.used ?? []),
    lines: parse(row?.lines ?? []),
    seniority: parse(row?.seniority ?? []),
    signatories: parse(row?.signatories ?? []),
  };
}

/**
 * The whole draft as the wizard pages show it (SPEC F4–F25), without the person list (which
 * pages separately, F20). Another employer's report id answers NOT_FOUND. `debtStartQepik`,
 * when the caller already has F4 as the ledger says now (the cached check figures), saves
 * re-reading it.
 */
export async function getReport(
  db: DbOrTx,
  scope: EmployerScope,
  reportId: string,
  options: { report?: ReportContext; debtStartQepik?: number } = {},
): Promise<ReportView> {
  const report = options.report ?? (await loadReportContext(db, scope, reportId));
  const children = await loadChildren(db, report.id, scope.employerId);
  const { months } = reportPeriod(report);
  // F4 as the ledger says now: an earlier quarter accepted since the draft was made counts
  // (issue 10 §4). Sent reports keep the figure they were sent with.
  const debtStartQepik = !EDITABLE_STATUSES.has(report.status)
    ? report.debtStartQepik
    : (options.debtStartQepik ??
      (await ledgerBalanceBefore(
        db,
        scope.employerId,
        report.activityCode,
        quarterBounds(report).from,
      )));
  return {
    ...report,
    debtStartQepik,
    stepState: (report.stepState ?? {}) as Record<string, string>,
    confirmations: (report.confirmations ?? {}) as Record<string, unknown>,
    months: months.map((month) => {
      const r = children.months.find((m) => m.month === month);
      return {
        month,
        labourPaymentsQepik: r?.labourPaymentsQepik ?? null,
        headcount: r?.headcount ?? null,
      };
    }),
    nonLiableIncomes: children.incomes,
    payments: children.used,
    paymentsUsedQepik: children.used.reduce((sum, p) => sum + p.usedQepik, 0),
    lines: REPORT_LINE_CATEGORIES.map((category) => {
      const l = children.lines.find((x) => x.category === category);
      return { category, accruedQepik: l?.accruedQepik ?? 0, paidQepik: l?.paidQepik ?? 0 };
    }),
    counts: { persons: report.draftPersons, seniority: children.seniority.length },
    seniority: children.seniority,
    signatories: children.signatories,
  };
}
