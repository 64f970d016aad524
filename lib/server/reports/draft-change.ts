import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { reportPersons, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, type EmployerScope } from '../access';
import { writeAudit } from '../audit';

/** Steps whose data the distribution (F19/F22) is computed from: a change makes it stale. */
const FEEDS_DISTRIBUTION: ReadonlySet<string> = new Set(['F6', 'F7', 'F8', 'F20']);

/** Steps whose change may add, edit or remove report_persons rows: their counts are re-taken. */
const CHANGES_PERSONS: ReadonlySet<string> = new Set(['F20']);

/**
 * The draft's person counts (reports.draft_persons, draft_persons_m1..m3) as SET values that
 * re-count its rows inside the same UPDATE (issue 15 §2): taken once per change, in the writer's
 * transaction, so every read of a step finds them on the row instead of counting 200 000 rows.
 */
function personCountsOf(reportId: string, employerId: string) {
  const of = sql`from ${reportPersons} where ${reportPersons.reportId} = ${reportId} and ${reportPersons.employerId} = ${employerId}`;
  return {
    draftPersons: sql`(select count(*)::int ${of})`,
    draftPersonsM1: sql`(select count(${reportPersons.incomeM1Qepik})::int ${of})`,
    draftPersonsM2: sql`(select count(${reportPersons.incomeM2Qepik})::int ${of})`,
    draftPersonsM3: sql`(select count(${reportPersons.incomeM3Qepik})::int ${of})`,
  };
}

/**
 * Re-takes a report's person counts from its rows, for the few writers of report_persons that
 * make a report rather than change one (a corrective report's copy). Every other writer goes
 * through changeDraft with step F20, which does this itself.
 */
export async function recountDraftPersons(
  tx: DbOrTx,
  report: { id: string; employerId: string },
): Promise<void> {
  await tx
    .update(reports)
    .set(personCountsOf(report.id, report.employerId))
    .where(and(eq(reports.id, report.id), eq(reports.employerId, report.employerId)));
}

/** Columns a change may set besides its bookkeeping (each named once, here). */
export type DraftFields = Partial<
  Pick<
    typeof reports.$inferInsert,
    'penaltyComputedAt' | 'debtStartQepik' | 'distributedAt' | 'readyAt' | 'confirmations'
  >
>;

/**
 * The one way a draft changes (issue 11 §4): every step's use case calls it inside its
 * transaction, after loading the report with loadReportContext({ lock: true, draft: true }).
 * It bumps the version and updated_at, records the step as saved, withdraws the "ready" mark
 * unless the change only passes a read-only step (seenOnly) or is made by sending itself
 * (keepReady), withdraws the distribution when what it is computed from changed (F6, F7, F8,
 * F20) unless told to keep it, re-takes the person counts when persons may have changed (F20, or
 * `persons: true`), sets the given fields, and audits REPORT_UPDATED with the step. Every
 * writer of report_persons calls it, so the counts on the row are always the rows' (issue 15).
 * Returns the new version.
 */
export async function changeDraft(
  tx: DbOrTx,
  scope: Pick<EmployerScope, 'employerId' | 'fin' | 'via'>,
  report: { id: string; version: number },
  change: {
    step: string;
    asOf: Date;
    markSaved?: boolean;
    seenOnly?: boolean;
    keepReady?: boolean;
    keepDistribution?: boolean;
    /** Re-take the person counts though the step is not F20 (a writer of report_persons elsewhere). */
    persons?: boolean;
    set?: DraftFields;
    details?: Record<string, unknown>;
    /** A change that is not worth an audit row of its own (the caller audits it). */
    silent?: boolean;
    /**
     * Bookkeeping by sending itself (F4 brought up to date between signing and receiving): the
     * version stays, since the signed document names it.
     */
    keepVersion?: boolean;
  },
): Promise<number> {
  // A fund staff member's read-only view never changes a draft (issue 14 §4).
  assertNotStaffView(scope);
  const saved = JSON.stringify({ [change.step]: change.asOf.toISOString() });
  const withdrawDistribution =
    FEEDS_DISTRIBUTION.has(change.step) && !change.seenOnly && !change.keepDistribution;
  const [updated] = await tx
    .update(reports)
    .set({
      ...(change.keepVersion ? {} : { version: sql`${reports.version} + 1` }),
      updatedAt: change.asOf,
      ...(change.markSaved ? { stepState: sql`${reports.stepState} || ${saved}::jsonb` } : {}),
      ...(change.seenOnly || change.keepReady ? {} : { readyAt: null }),
      ...(withdrawDistribution ? { distributedAt: null } : {}),
      ...((CHANGES_PERSONS.has(change.step) && !change.seenOnly) || change.persons
        ? personCountsOf(report.id, scope.employerId)
        : {}),
      ...change.set,
    })
    .where(and(eq(reports.id, report.id), eq(reports.employerId, scope.employerId)))
    .returning({ version: reports.version });
  if (!change.silent) {
    await writeAudit(tx, {
      action: 'REPORT_UPDATED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, step: change.step, via: scope.via, ...change.details },
    });
  }
  return updated?.version ?? report.version + 1;
}
