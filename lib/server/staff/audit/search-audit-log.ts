import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, employers, registryPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { addDays } from '@/lib/domain/calendar';
import {
  likeContains,
  type AuditCursor,
  type AuditFilter,
  type AuditFilterCode,
  type AuditFilterField,
} from '@/lib/domain/staff/audit-filter';
import { redactAuditDetails } from '@/lib/domain/staff/audit-details';
import { runStaffScoped, staffBodyFilter, staffEmployer, type StaffScope } from '../../access';
import { isAppError } from '../../errors';

// The audit log viewer (issue 14 §12): the rows a staff member may read, filtered and paged in
// SQL by keyset on id (newest first; the table only grows, so a page never shifts under the
// reader and no OFFSET scan grows with it). A head reads the rows of the body's employers and the
// body's staff's own actions (no employer, actor STAFF, details.localBodyCode theirs); an
// administrator reads everything.

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  readonly id: number;
  readonly at: string;
  readonly actorFin: string | null;
  readonly actorName: string | null;
  readonly actorRole: string;
  readonly action: string;
  readonly employerId: string | null;
  readonly employerName: string | null;
  readonly outcome: string;
  readonly ip: string | null;
  /** Without secrets (redactAuditDetails). */
  readonly details: unknown;
};

export type AuditPage = {
  readonly rows: readonly AuditRow[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  /** Cursors of the neighbouring pages (null at either end). */
  readonly previous: AuditCursor | null;
  readonly next: AuditCursor | null;
};

export type AuditSearchResult =
  | { ok: true; page: AuditPage; employerMatches: number | null }
  | {
      ok: false;
      errors: { field: AuditFilterField; code: AuditFilterCode | 'AUDIT_EMPLOYER_NOT_FOUND' }[];
    };

/** The rows a staff member may read at all (null: every row, for central staff). */
export function auditScopeCondition(staff: StaffScope): SQL | undefined {
  const body = staff.localBodyCode;
  if (body === null) return undefined;
  return or(
    inArray(
      auditLog.employerId,
      sql`(select ${employers.id} from ${employers} where ${employers.localBodyCode} = ${body})`,
    ),
    and(
      isNull(auditLog.employerId),
      eq(auditLog.actorRole, 'STAFF'),
      sql`${auditLog.details}->>'localBodyCode' = ${body}`,
    ),
  );
}

/** Baku midnight of a calendar date, as an instant. */
function bakuMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+04:00`);
}

/**
 * The filter as SQL: null when the employer named is not one of the staff member's body (an
 * id outside it is a probe, audited), or no employer of the body matches the text.
 */
export async function auditFilterCondition(
  db: DbOrTx,
  staff: StaffScope,
  filter: AuditFilter,
): Promise<{ where: SQL | undefined; employerMatches: number | null } | null> {
  const conditions: (SQL | undefined)[] = [auditScopeCondition(staff)];
  let employerMatches: number | null = null;
  if (filter.employer?.kind === 'id') {
    const id = filter.employer.id;
    try {
      await runStaffScoped(db, staff, 'auditLogEmployer', () => staffEmployer(db, staff, id));
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
    conditions.push(eq(auditLog.employerId, id));
  } else if (filter.employer?.kind === 'text') {
    const text = filter.employer.text;
    const matching = and(
      staffBodyFilter(staff, employers.localBodyCode),
      or(
        sql`${employers.name} ilike ${likeContains(text)}`,
        eq(employers.voen, text),
        eq(employers.dsmfRegNumber, text),
      ),
    );
    const [found] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(employers)
      .where(matching);
    employerMatches = found?.n ?? 0;
    if (employerMatches === 0) return null;
    conditions.push(
      inArray(auditLog.employerId, db.select({ id: employers.id }).from(employers).where(matching)),
    );
  }
  if (filter.actorFin) conditions.push(eq(auditLog.actorFin, filter.actorFin));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.outcome) conditions.push(eq(auditLog.outcome, filter.outcome));
  if (filter.dateFrom) conditions.push(gte(auditLog.at, bakuMidnight(filter.dateFrom)));
  if (filter.dateTo) {
    const next = addDays(filter.dateTo, 1);
    if (next.ok) conditions.push(lt(auditLog.at, bakuMidnight(next.value)));
  }
  return { where: and(...conditions), employerMatches };
}

const ROW_COLUMNS = {
  id: auditLog.id,
  at: auditLog.at,
  actorFin: auditLog.actorFin,
  actorName: sql<string | null>`case when ${registryPersons.fin} is null then null
    else ${registryPersons.surname} || ' ' || ${registryPersons.name} end`,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  employerId: auditLog.employerId,
  employerName: employers.name,
  outcome: auditLog.outcome,
  ip: auditLog.ip,
  details: auditLog.details,
};

type RawRow = {
  id: number;
  at: Date;
  actorFin: string | null;
  actorName: string | null;
  actorRole: string;
  action: string;
  employerId: string | null;
  employerName: string | null;
  outcome: string;
  ip: string | null;
  details: unknown;
};

function shown(row: RawRow): AuditRow {
  return { ...row, at: row.at.toISOString(), details: redactAuditDetails(row.details) };
}

/** One batch of rows newest first, below `before` (all when undefined). */
export async function auditRowsBefore(
  db: DbOrTx,
  where: SQL | undefined,
  before: number | undefined,
  limit: number,
): Promise<AuditRow[]> {
  const rows = await db
    .select(ROW_COLUMNS)
    .from(auditLog)
    .leftJoin(registryPersons, eq(registryPersons.fin, auditLog.actorFin))
    .leftJoin(employers, eq(employers.id, auditLog.employerId))
    .where(and(where, before === undefined ? undefined : lt(auditLog.id, before)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(shown);
}

/** A page of the audit log the staff member may read, filtered (issue 14 §12). */
export async function searchAuditLog(
  db: DbOrTx,
  staff: StaffScope,
  filter: AuditFilter,
  cursor: AuditCursor = {},
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditSearchResult> {
  const condition = await auditFilterCondition(db, staff, filter);
  if (condition === null) {
    return { ok: false, errors: [{ field: 'employer', code: 'AUDIT_EMPLOYER_NOT_FOUND' }] };
  }
  const { where } = condition;
  let rows: AuditRow[];
  if (cursor.after !== undefined) {
    const newer = await db
      .select(ROW_COLUMNS)
      .from(auditLog)
      .leftJoin(registryPersons, eq(registryPersons.fin, auditLog.actorFin))
      .leftJoin(employers, eq(employers.id, auditLog.employerId))
      .where(and(where, gt(auditLog.id, cursor.after)))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    rows = newer.map(shown).reverse();
  } else {
    rows = await auditRowsBefore(db, where, cursor.before, pageSize);
  }
  const first = rows[0]?.id;
  const last = rows[rows.length - 1]?.id;
  // One count query: the rows matching, those newer than this page and those older.
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      newer:
        first === undefined
          ? sql<number>`0`
          : sql<number>`(count(*) filter (where ${auditLog.id} > ${first}))::int`,
      older:
        last === undefined
          ? sql<number>`0`
          : sql<number>`(count(*) filter (where ${auditLog.id} < ${last}))::int`,
    })
    .from(auditLog)
    .where(where);
  const total = counts?.total ?? 0;
  const newer = Number(counts?.newer ?? 0);
  const older = Number(counts?.older ?? 0);
  const page = first === undefined ? 1 : Math.floor(newer / pageSize) + 1;
  const pageCount = Math.max(1, Math.ceil(total / pageSize), page + (older > 0 ? 1 : 0));
  return {
    ok: true,
    employerMatches: condition.employerMatches,
    page: {
      rows,
      total,
      page,
      pageCount,
      previous: first !== undefined && newer > 0 ? { after: first } : null,
      next: last !== undefined && older > 0 ? { before: last } : null,
    },
  };
}

/**
 * The actions the log holds, for the filter's suggestions: a loose index scan (one index probe
 * per distinct action on audit_action_id_idx), cheap however long the table grows.
 */
export async function listAuditActions(db: DbOrTx): Promise<string[]> {
  const result = await db.execute<{ action: string | null }>(sql`
    with recursive actions(action) as (
      (select action from audit_log order by action limit 1)
      union all
      select (select a.action from audit_log a where a.action > actions.action order by a.action limit 1)
      from actions where actions.action is not null
    )
    select action from actions where action is not null limit 500`);
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return (rows as { action: string | null }[])
    .map((r) => r.action)
    .filter((a): a is string => typeof a === 'string');
}
