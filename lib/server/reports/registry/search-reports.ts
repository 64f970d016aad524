import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import {
  activityCodes,
  reports,
  submissions,
  type ReportStatus,
  type ReportType,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import type { RegistryCriteria } from './registry-criteria';

export type RegistryRow = {
  id: string;
  reportType: ReportType;
  year: number;
  quarter: number;
  activityCode: string;
  activityNameAz: string;
  activityNameEn: string;
  status: ReportStatus;
  readyAt: Date | null;
  receiptNumber: string | null;
  sentAt: Date | null;
  decidedAt: Date | null;
  mdssQepik: number | null;
  debtEndQepik: number | null;
  personsCount: number | null;
  updatedAt: Date;
  replacesReportId: string | null;
  /** The report's latest submission (by received time), for the receipt link; null for drafts. */
  latestSubmissionId: string | null;
};

export type RegistryPage = { rows: RegistryRow[]; total: number; page: number; pageCount: number };

/** Baku has kept UTC+4 all year since 2016: a registry date is a Baku calendar day. */
const BAKU_OFFSET = '+04:00';

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function filters(scope: EmployerScope, c: RegistryCriteria): SQL {
  // Drafts have no sending time: their date is the last change.
  // Bounds go as text cast in SQL: a Date inside a raw sql`` fragment is not serialised by postgres.js.
  const when = sql`coalesce(${reports.sentAt}, ${reports.updatedAt})`;
  const conditions: (SQL | undefined)[] = [
    eq(reports.employerId, scope.employerId),
    c.year === undefined ? undefined : eq(reports.year, c.year),
    c.quarter === undefined ? undefined : eq(reports.quarter, c.quarter),
    c.status === undefined ? undefined : eq(reports.status, c.status),
    c.reportType === undefined ? undefined : eq(reports.reportType, c.reportType),
    c.activityCode === undefined ? undefined : eq(reports.activityCode, c.activityCode),
    c.dateFrom === undefined
      ? undefined
      : gte(when, sql`${`${c.dateFrom}T00:00:00${BAKU_OFFSET}`}::timestamptz`),
    c.dateTo === undefined
      ? undefined
      : lt(when, sql`${`${nextDay(c.dateTo)}T00:00:00${BAKU_OFFSET}`}::timestamptz`),
    c.amountMinQepik === undefined ? undefined : gte(reports.mdssQepik, c.amountMinQepik),
    c.amountMaxQepik === undefined ? undefined : lte(reports.mdssQepik, c.amountMaxQepik),
    c.receiptNumber === undefined ? undefined : eq(reports.receiptNumber, c.receiptNumber),
  ];
  return and(...conditions) as SQL;
}

/** Drafts first, then the report's life in order: sent, returned, accepted, replaced. */
const STATUS_RANK = sql`case ${reports.status} when 'DRAFT' then 0 when 'SENT' then 1 when 'RETURNED' then 2 when 'ACCEPTED' then 3 else 4 end`;

function ordering(c: RegistryCriteria): SQL[] {
  const by = c.dir === 'asc' ? asc : desc;
  const nullsLast = (column: SQL | typeof reports.sentAt) =>
    c.dir === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  const period = [by(reports.year), by(reports.quarter), asc(reports.activityCode)];
  const primary: SQL[] =
    c.sort === 'status'
      ? [by(STATUS_RANK), desc(reports.year), desc(reports.quarter)]
      : c.sort === 'sent'
        ? [nullsLast(reports.sentAt)]
        : c.sort === 'amount'
          ? [nullsLast(sql`${reports.mdssQepik}`)]
          : period;
  // The id last keeps the order total, so a row never shows on two pages.
  return [...primary, desc(reports.updatedAt), asc(reports.id)];
}

/**
 * The Reports Registry (SPEC G1–G2): the employer's reports matching the criteria, one page of
 * them sorted as asked, with the total. Counted and paged in SQL; never another employer's rows.
 */
export async function searchReports(
  db: DbOrTx,
  scope: EmployerScope,
  criteria: RegistryCriteria,
): Promise<RegistryPage> {
  assertScopeService(scope, 'REPORTS');
  const where = filters(scope, criteria);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(reports)
    .where(where);
  const total = Number(counted?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / criteria.pageSize));
  const page = Math.min(Math.max(1, criteria.page), pageCount);
  const latestSubmission = sql<string | null>`(
    select ${submissions.id} from ${submissions}
    where ${submissions.reportId} = ${reports.id} and ${submissions.employerId} = ${reports.employerId}
    order by ${submissions.receivedAt} desc limit 1)`;
  const rows = await db
    .select({
      id: reports.id,
      reportType: reports.reportType,
      year: reports.year,
      quarter: reports.quarter,
      activityCode: reports.activityCode,
      activityNameAz: activityCodes.nameAz,
      activityNameEn: activityCodes.nameEn,
      status: reports.status,
      readyAt: reports.readyAt,
      receiptNumber: reports.receiptNumber,
      sentAt: reports.sentAt,
      decidedAt: reports.decidedAt,
      mdssQepik: reports.mdssQepik,
      debtEndQepik: reports.debtEndQepik,
      personsCount: reports.personsCount,
      updatedAt: reports.updatedAt,
      replacesReportId: reports.replacesReportId,
      latestSubmissionId: latestSubmission,
    })
    .from(reports)
    .innerJoin(activityCodes, eq(activityCodes.code, reports.activityCode))
    .where(where)
    .orderBy(...ordering(criteria))
    .limit(criteria.pageSize)
    .offset((page - 1) * criteria.pageSize);
  return { rows, total, page, pageCount };
}
