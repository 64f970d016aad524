import 'server-only';
import { and, asc, count, desc, eq, ne, type SQL } from 'drizzle-orm';
import {
  activityCodes,
  debtActions,
  employerActivityCodes,
  employers,
  type DebtActionKind,
  type DebtActionStatus,
  type WriteOffCategory,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { decisionRefusal } from '@/lib/domain/staff/write-off-rules';
import { staffRoleCovers } from '@/lib/domain/staff/staff-roles';
import { staffBodyFilter, staffEmployer, type StaffScope } from '../../access';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';

// What the "Maliyyə sanksiyaları və silinmələr" pages read (issue 14 §6): the body's fines and
// write-offs paged in SQL, the requests waiting for the head, one request, the body's employers.

export const DEBT_ACTIONS_PAGE_SIZE = 20;

/** What a write-off may settle (the app may not import the schema). */
export { WRITE_OFF_CATEGORIES } from '@/db/schema';

export type DebtActionRow = {
  id: string;
  kind: DebtActionKind;
  status: DebtActionStatus;
  employerId: string;
  employerName: string;
  activityCode: string;
  category: WriteOffCategory;
  amountQepik: number;
  actionDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  basis: string;
  needsApproval: boolean;
  requestedByName: string;
  requestedAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  ledgerEntryId: number | null;
};

const columns = {
  id: debtActions.id,
  kind: debtActions.kind,
  status: debtActions.status,
  employerId: debtActions.employerId,
  employerName: employers.name,
  activityCode: debtActions.activityCode,
  category: debtActions.category,
  amountQepik: debtActions.amountQepik,
  actionDate: debtActions.actionDate,
  periodFrom: debtActions.periodFrom,
  periodTo: debtActions.periodTo,
  basis: debtActions.basis,
  needsApproval: debtActions.needsApproval,
  requestedByName: debtActions.requestedByName,
  requestedAt: debtActions.requestedAt,
  decidedByName: debtActions.decidedByName,
  decidedAt: debtActions.decidedAt,
  decisionReason: debtActions.decisionReason,
  ledgerEntryId: debtActions.ledgerEntryId,
};

export type DebtActionFilter = {
  status?: DebtActionStatus | null;
  kind?: DebtActionKind | null;
  page?: number;
};

/** The body's fines and write-offs, newest first, one page (SQL LIMIT/OFFSET) and the total. */
export async function listDebtActions(
  db: DbOrTx,
  staff: StaffScope,
  filter: DebtActionFilter = {},
): Promise<{ rows: DebtActionRow[]; total: number; page: number; pageCount: number }> {
  const where = and(
    staffBodyFilter(staff, employers.localBodyCode),
    filter.status ? eq(debtActions.status, filter.status) : undefined,
    filter.kind ? eq(debtActions.kind, filter.kind) : undefined,
  ) as SQL | undefined;
  const [totalRow] = await db
    .select({ n: count() })
    .from(debtActions)
    .innerJoin(employers, eq(employers.id, debtActions.employerId))
    .where(where);
  const total = Number(totalRow?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / DEBT_ACTIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1)), pageCount);
  const rows = await db
    .select(columns)
    .from(debtActions)
    .innerJoin(employers, eq(employers.id, debtActions.employerId))
    .where(where)
    .orderBy(desc(debtActions.requestedAt), desc(debtActions.id))
    .limit(DEBT_ACTIONS_PAGE_SIZE)
    .offset((page - 1) * DEBT_ACTIONS_PAGE_SIZE);
  return { rows, total, page, pageCount };
}

/**
 * The pending write-offs of the body, and how many of them this staff member may decide (a head
 * or administrator; never their own requests): the head's "waiting for you" count.
 */
export async function pendingWriteOffCounts(
  db: DbOrTx,
  staff: StaffScope,
): Promise<{ pending: number; awaitingMe: number }> {
  const body = staffBodyFilter(staff, employers.localBodyCode);
  const count_ = async (extra?: SQL) => {
    const [row] = await db
      .select({ n: count() })
      .from(debtActions)
      .innerJoin(employers, eq(employers.id, debtActions.employerId))
      .where(and(body, eq(debtActions.status, 'PENDING'), extra));
    return Number(row?.n ?? 0);
  };
  const pending = await count_();
  const awaitingMe = staffRoleCovers(staff.role, 'HEAD')
    ? await count_(ne(debtActions.requestedByFin, staff.fin))
    : 0;
  return { pending, awaitingMe };
}

/** One fine or write-off of the body (NOT_FOUND otherwise) and whether this person may decide it. */
export async function getDebtAction(
  db: DbOrTx,
  staff: StaffScope,
  actionId: string,
): Promise<DebtActionRow & { canDecide: boolean; ownRequest: boolean }> {
  if (!isUuid(actionId)) throw new AppError('NOT_FOUND', { params: { actionId } });
  const [row] = await db
    .select({ ...columns, requestedByFin: debtActions.requestedByFin })
    .from(debtActions)
    .innerJoin(employers, eq(employers.id, debtActions.employerId))
    .where(and(eq(debtActions.id, actionId), staffBodyFilter(staff, employers.localBodyCode)));
  if (!row) throw new AppError('NOT_FOUND', { params: { actionId } });
  const { requestedByFin, ...rest } = row;
  return {
    ...rest,
    canDecide: decisionRefusal(row, staff) === null,
    ownRequest: requestedByFin === staff.fin,
  };
}

/** The employers of the body (every body for central staff), by name, for the forms' choice. */
export async function listBodyEmployers(
  db: DbOrTx,
  staff: StaffScope,
): Promise<{ id: string; name: string; voen: string }[]> {
  return db
    .select({ id: employers.id, name: employers.name, voen: employers.voen })
    .from(employers)
    .where(staffBodyFilter(staff, employers.localBodyCode))
    .orderBy(asc(employers.name), asc(employers.id))
    .limit(1000);
}

/** An employer of the body and its registered activity codes (NOT_FOUND outside the body). */
export async function employerWithCodes(
  db: DbOrTx,
  staff: StaffScope,
  employerId: string,
): Promise<{
  id: string;
  name: string;
  codes: { code: string; nameAz: string; nameEn: string }[];
}> {
  const employer = await staffEmployer(db, staff, employerId);
  const codes = await db
    .select({
      code: activityCodes.code,
      nameAz: activityCodes.nameAz,
      nameEn: activityCodes.nameEn,
    })
    .from(employerActivityCodes)
    .innerJoin(activityCodes, eq(activityCodes.code, employerActivityCodes.activityCode))
    .where(eq(employerActivityCodes.employerId, employer.employerId))
    .orderBy(asc(activityCodes.code));
  return { id: employer.employerId, name: employer.name, codes };
}
