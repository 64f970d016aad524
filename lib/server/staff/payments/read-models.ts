import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  activityCodes,
  bankStatementImports,
  bankStatementLines,
  employerActivityCodes,
  employers,
  paymentReversals,
  payments,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { isIsoDate } from '@/lib/domain/calendar';
import { staffBodyFilter, type StaffScope } from '../../access';
import { exactQepikTotal } from '../../exact-sum';
import { remainderSql, usedByReportsSql, distributedSql } from '../../reports/payment-remainder';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { staffImport, staffLineFilter } from './confirm-import';

export const PAYMENTS_PAGE_SIZE = 25;

export const PAYMENT_STATUSES = ['UNUSED', 'PARTLY_USED', 'USED', 'REVERSED'] as const;
export type StaffPaymentStatus = (typeof PAYMENT_STATUSES)[number];

function page(input: number | undefined): number {
  return Math.max(Math.trunc(Number.isFinite(input) ? (input as number) : 1), 1);
}

// --- Employers of the body, for the employer choice (with their activity codes' class pairs)

export type EmployerOption = {
  id: string;
  name: string;
  voen: string;
  activityCodes: { code: string; name: string; employerClass: string; employeeClass: string }[];
};

export async function listBodyEmployers(
  db: DbOrTx,
  staff: StaffScope,
  input: { search?: string; limit?: number } = {},
): Promise<EmployerOption[]> {
  const search = input.search?.trim() ?? '';
  const rows = await db
    .select({ id: employers.id, name: employers.name, voen: employers.voen })
    .from(employers)
    .where(
      and(
        staffBodyFilter(staff, employers.localBodyCode),
        search === ''
          ? undefined
          : or(
              ilike(employers.name, `%${search.replace(/[%_\\]/g, '')}%`),
              eq(employers.voen, search),
            ),
      ),
    )
    .orderBy(asc(employers.name))
    .limit(Math.min(input.limit ?? 100, 200));
  if (rows.length === 0) return [];
  const codes = await db
    .select({
      employerId: employerActivityCodes.employerId,
      code: activityCodes.code,
      name: activityCodes.nameAz,
      employerClass: activityCodes.employerClassCode,
      employeeClass: activityCodes.employeeClassCode,
    })
    .from(employerActivityCodes)
    .innerJoin(activityCodes, eq(activityCodes.code, employerActivityCodes.activityCode))
    .where(
      sql`${employerActivityCodes.employerId} in (${sql.join(
        rows.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(activityCodes.code));
  return rows.map((r) => ({
    ...r,
    activityCodes: codes
      .filter((c) => c.employerId === r.id)
      .map(({ code, name, employerClass, employeeClass }) => ({
        code,
        name,
        employerClass,
        employeeClass,
      })),
  }));
}

// --- The body's payments

export type StaffPaymentRow = {
  id: string;
  employerId: string;
  employerName: string;
  paymentDate: string;
  bankReference: string;
  activityCode: string | null;
  economicClassCode: string;
  amountQepik: number;
  usedQepik: number;
  remainderQepik: number;
  status: StaffPaymentStatus;
  isPart: boolean;
  recordedBy: string;
  reversalReason: string | null;
};

export type PaymentFilters = {
  employerId?: string;
  from?: string;
  to?: string;
  status?: string;
  reference?: string;
  page?: number;
};

const statusSql = sql<StaffPaymentStatus>`(case
  when ${paymentReversals.id} is not null then 'REVERSED'
  when ${remainderSql} <= 0 then 'USED'
  when ${remainderSql} < ${payments.amountQepik} then 'PARTLY_USED'
  else 'UNUSED' end)`;

export async function listBodyPayments(
  db: DbOrTx,
  staff: StaffScope,
  filters: PaymentFilters = {},
): Promise<{ rows: StaffPaymentRow[]; total: number; page: number; pageCount: number }> {
  const current = page(filters.page);
  const status = (PAYMENT_STATUSES as readonly string[]).includes(filters.status ?? '')
    ? (filters.status as StaffPaymentStatus)
    : undefined;
  const conditions: (SQL | undefined)[] = [
    staffBodyFilter(staff, employers.localBodyCode),
    filters.employerId && isUuid(filters.employerId)
      ? eq(payments.employerId, filters.employerId)
      : undefined,
    filters.from && isIsoDate(filters.from) ? gte(payments.paymentDate, filters.from) : undefined,
    filters.to && isIsoDate(filters.to) ? lte(payments.paymentDate, filters.to) : undefined,
    filters.reference?.trim() ? eq(payments.bankReference, filters.reference.trim()) : undefined,
    status ? sql`${statusSql} = ${status}` : undefined,
  ];
  const where = and(...conditions);
  const base = db
    .select({
      id: payments.id,
      employerId: payments.employerId,
      employerName: employers.name,
      paymentDate: payments.paymentDate,
      bankReference: payments.bankReference,
      activityCode: payments.activityCode,
      economicClassCode: payments.economicClassCode,
      amountQepik: payments.amountQepik,
      used: sql<string>`(${usedByReportsSql} + ${distributedSql})`,
      remainder: remainderSql,
      status: statusSql,
      isPart: sql<boolean>`${payments.sourcePaymentId} is not null`,
      recordedBy: payments.recordedBy,
      reversalReason: paymentReversals.reason,
    })
    .from(payments)
    .innerJoin(employers, eq(employers.id, payments.employerId))
    .leftJoin(paymentReversals, eq(paymentReversals.paymentId, payments.id))
    .where(where);
  const [rows, [totals]] = await Promise.all([
    base
      .orderBy(desc(payments.paymentDate), desc(payments.recordedAt), asc(payments.id))
      .limit(PAYMENTS_PAGE_SIZE)
      .offset((current - 1) * PAYMENTS_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(payments)
      .innerJoin(employers, eq(employers.id, payments.employerId))
      .leftJoin(paymentReversals, eq(paymentReversals.paymentId, payments.id))
      .where(where),
  ]);
  const total = totals?.total ?? 0;
  return {
    rows: rows.map(({ used, remainder, ...r }) => ({
      ...r,
      usedQepik: exactQepikTotal(used),
      remainderQepik: exactQepikTotal(remainder),
    })),
    total,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / PAYMENTS_PAGE_SIZE)),
  };
}

// --- An import's preview and the queue

export type StatementLineView = {
  id: string;
  lineIndex: number;
  bankReference: string;
  valueDate: string;
  amountQepik: number;
  payerName: string | null;
  payerVoen: string | null;
  classCode: string | null;
  remittance: string;
  status: 'MATCHED' | 'UNMATCHED' | 'DUPLICATE';
  reason: string | null;
  employerName: string | null;
  /** A payment carries the line's reference (recorded by this line, by hand or earlier). */
  recorded: boolean;
  /** The line is in the staff member's body (they may act on it). */
  mine: boolean;
};

const recordedSql = sql<boolean>`exists (select 1 from payments p
  where p.bank_reference = ${bankStatementLines.bankReference} and p.source_payment_id is null)`;

function lineSelect(staff: StaffScope) {
  return {
    id: bankStatementLines.id,
    lineIndex: bankStatementLines.lineIndex,
    bankReference: bankStatementLines.bankReference,
    valueDate: bankStatementLines.valueDate,
    amountQepik: bankStatementLines.amountQepik,
    payerName: bankStatementLines.payerName,
    payerVoen: bankStatementLines.payerVoen,
    classCode: bankStatementLines.classCode,
    remittance: bankStatementLines.remittance,
    status: bankStatementLines.status,
    reason: bankStatementLines.reason,
    employerName: employers.name,
    recorded: recordedSql,
    mine:
      staff.localBodyCode === null
        ? sql<boolean>`true`
        : sql<boolean>`coalesce(${bankStatementLines.localBodyCode} = ${staff.localBodyCode}, false)`,
  };
}

export async function loadImportPreview(
  db: DbOrTx,
  staff: StaffScope,
  input: { importId: string; page?: number },
) {
  const statement = await staffImport(db, staff, input.importId);
  const current = page(input.page);
  const own = and(eq(bankStatementLines.importId, statement.id), staffLineFilter(staff));
  const [lines, [counts]] = await Promise.all([
    db
      .select(lineSelect(staff))
      .from(bankStatementLines)
      .leftJoin(employers, eq(employers.id, bankStatementLines.employerId))
      .where(own)
      .orderBy(asc(bankStatementLines.lineIndex))
      .limit(PAYMENTS_PAGE_SIZE)
      .offset((current - 1) * PAYMENTS_PAGE_SIZE),
    db
      .select({
        own: sql<number>`count(*) filter (where ${staffLineFilter(staff) ?? sql`true`})`,
        otherBodies: sql<number>`count(*) filter (where not (${staffLineFilter(staff) ?? sql`true`}))`,
        toConfirm: sql<number>`count(*) filter (where ${bankStatementLines.status} = 'MATCHED'
          and ${staffLineFilter(staff) ?? sql`true`} and not ${recordedSql})`,
      })
      .from(bankStatementLines)
      .where(eq(bankStatementLines.importId, statement.id)),
  ]);
  const own_ = Number(counts?.own ?? 0);
  return {
    statement: {
      id: statement.id,
      fileName: statement.fileName,
      format: statement.format,
      importedAt: statement.importedAt,
      lineCount: statement.lineCount,
      problemCount: statement.problemCount,
      problems: statement.problems as {
        index: number;
        code: string;
        bankReference?: string;
        params?: Record<string, string | number>;
      }[],
    },
    lines,
    ownCount: own_,
    otherBodiesCount: Number(counts?.otherBodies ?? 0),
    toConfirm: Number(counts?.toConfirm ?? 0),
    page: current,
    pageCount: Math.max(1, Math.ceil(own_ / PAYMENTS_PAGE_SIZE)),
  };
}

/** Lines waiting for a person: unmatched (and matched, not yet confirmed) ones of the body. */
export async function listQueue(
  db: DbOrTx,
  staff: StaffScope,
  input: { page?: number } = {},
): Promise<{ rows: StatementLineView[]; total: number; page: number; pageCount: number }> {
  const current = page(input.page);
  const where = and(
    eq(bankStatementLines.status, 'UNMATCHED'),
    staffLineFilter(staff),
    sql`not ${recordedSql}`,
  );
  const [rows, [totals]] = await Promise.all([
    db
      .select(lineSelect(staff))
      .from(bankStatementLines)
      .leftJoin(employers, eq(employers.id, bankStatementLines.employerId))
      .where(where)
      .orderBy(asc(bankStatementLines.valueDate), asc(bankStatementLines.bankReference))
      .limit(PAYMENTS_PAGE_SIZE)
      .offset((current - 1) * PAYMENTS_PAGE_SIZE),
    db.select({ total: count() }).from(bankStatementLines).where(where),
  ]);
  const total = totals?.total ?? 0;
  return {
    rows,
    total,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / PAYMENTS_PAGE_SIZE)),
  };
}

/** The recent imports the staff member may open. */
export async function listRecentImports(db: DbOrTx, staff: StaffScope) {
  const body = staff.localBodyCode;
  return db
    .select({
      id: bankStatementImports.id,
      fileName: bankStatementImports.fileName,
      format: bankStatementImports.format,
      importedAt: bankStatementImports.importedAt,
      lineCount: bankStatementImports.lineCount,
    })
    .from(bankStatementImports)
    .where(
      body === null
        ? undefined
        : or(
            eq(bankStatementImports.localBodyCode, body),
            sql`exists (select 1 from bank_statement_lines l
              where l.import_id = ${bankStatementImports.id} and l.local_body_code = ${body})`,
          ),
    )
    .orderBy(desc(bankStatementImports.importedAt))
    .limit(10);
}

/** One payment of the body with its status, for the reversal page; NOT_FOUND outside the body. */
export async function loadBodyPayment(
  db: DbOrTx,
  staff: StaffScope,
  paymentId: string,
): Promise<StaffPaymentRow> {
  if (!isUuid(paymentId)) throw new AppError('NOT_FOUND', { params: { paymentId } });
  const [row] = await db
    .select({
      id: payments.id,
      employerId: payments.employerId,
      employerName: employers.name,
      paymentDate: payments.paymentDate,
      bankReference: payments.bankReference,
      activityCode: payments.activityCode,
      economicClassCode: payments.economicClassCode,
      amountQepik: payments.amountQepik,
      used: sql<string>`(${usedByReportsSql} + ${distributedSql})`,
      remainder: remainderSql,
      status: statusSql,
      isPart: sql<boolean>`${payments.sourcePaymentId} is not null`,
      recordedBy: payments.recordedBy,
      reversalReason: paymentReversals.reason,
    })
    .from(payments)
    .innerJoin(employers, eq(employers.id, payments.employerId))
    .leftJoin(paymentReversals, eq(paymentReversals.paymentId, payments.id))
    .where(and(eq(payments.id, paymentId), staffBodyFilter(staff, employers.localBodyCode)));
  if (!row) throw new AppError('NOT_FOUND', { params: { paymentId } });
  const { used, remainder, ...rest } = row;
  return { ...rest, usedQepik: exactQepikTotal(used), remainderQepik: exactQepikTotal(remainder) };
}
