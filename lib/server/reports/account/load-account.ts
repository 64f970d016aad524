import 'server-only';
import { and, eq, inArray, isNull, max, not, or, sql } from 'drizzle-orm';
import { ledgerEntries, penaltyCharges, reports, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  addDays,
  contributionDueDate,
  itemKey,
  replayAccount,
  type AccountState,
  type IsoDate,
  type MonthKey,
  type PenaltyParameters,
} from '@/lib/domain';
import { todayInBaku } from '../../clock';
import { REPORT_SOURCE } from '../report-ledger';
import { loadHolidays, loadPenaltyParameters } from '../report-rates';
import { toAccountEntry } from './ledger-targets';
import { AppError } from '../../errors';

/** Statuses whose posting stands in the ledger (a replaced report's is netted by its corrective). */
const POSTED: ('ACCEPTED' | 'REPLACED')[] = ['ACCEPTED', 'REPLACED'];

export type LoadedAccount = {
  state: AccountState;
  /** Per MDSS obligation key: the last day a posted calculation charged (DOMAIN.md §4). */
  chargedThrough: Record<string, IsoDate>;
  dueDates: Record<MonthKey, IsoDate>;
  parameters: readonly PenaltyParameters[];
};

/** The reports a report's posting replaces: the one it corrects and every one that one replaced. */
export async function replacedChain(
  db: DbOrTx,
  employerId: string,
  replacesReportId: string | null,
): Promise<string[]> {
  const chain: string[] = [];
  let next = replacesReportId;
  while (next && !chain.includes(next)) {
    chain.push(next);
    const [row] = await db
      .select({ replaces: reports.replacesReportId })
      .from(reports)
      .where(and(eq(reports.id, next), eq(reports.employerId, employerId)));
    next = row?.replaces ?? null;
  }
  return chain;
}

/**
 * An activity code's account as lib/domain replays it (DOMAIN.md §4–§5): every ledger entry of
 * the code except what the `excludeReportIds` posted (a corrective report stands in for the
 * reports it replaces), the days posted penalty calculations already charged per obligation,
 * and the due date of every MDSS month concerned (`extraMonths`: the report's own quarter).
 */
export async function loadAccount(
  db: DbOrTx,
  input: {
    employerId: string;
    activityCode: string;
    excludeReportIds: readonly string[];
    extraMonths: readonly MonthKey[];
  },
): Promise<LoadedAccount> {
  const excluded =
    input.excludeReportIds.length === 0
      ? null
      : db
          .select({ id: sql`${submissions.id}::text` })
          .from(submissions)
          .where(inArray(submissions.reportId, [...input.excludeReportIds]));
  const [rows, charged, holidays, parameters] = await Promise.all([
    db
      .select({
        id: ledgerEntries.id,
        entryDate: ledgerEntries.entryDate,
        kind: ledgerEntries.kind,
        amountQepik: ledgerEntries.amountQepik,
        periodYear: ledgerEntries.periodYear,
        periodMonth: ledgerEntries.periodMonth,
        memo: ledgerEntries.memo,
        target: ledgerEntries.target,
        obligationSide: ledgerEntries.obligationSide,
        obligationMonth: ledgerEntries.obligationMonth,
      })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.employerId, input.employerId),
          eq(ledgerEntries.activityCode, input.activityCode),
          excluded
            ? or(
                isNull(ledgerEntries.sourceType),
                not(eq(ledgerEntries.sourceType, REPORT_SOURCE)),
                not(inArray(ledgerEntries.sourceId, excluded)),
              )
            : undefined,
        ),
      ),
    db
      .select({
        side: penaltyCharges.obligationSide,
        month: penaltyCharges.obligationMonth,
        through: max(penaltyCharges.chargedTo),
      })
      .from(penaltyCharges)
      .innerJoin(reports, eq(reports.id, penaltyCharges.reportId))
      .where(
        and(
          eq(penaltyCharges.employerId, input.employerId),
          eq(penaltyCharges.activityCode, input.activityCode),
          inArray(reports.status, POSTED),
          input.excludeReportIds.length > 0
            ? not(inArray(penaltyCharges.reportId, [...input.excludeReportIds]))
            : undefined,
        ),
      )
      .groupBy(penaltyCharges.obligationSide, penaltyCharges.obligationMonth),
    loadHolidays(db),
    loadPenaltyParameters(db),
  ]);
  const state = replayAccount(rows.map(toAccountEntry));
  if (!state.ok) throw new AppError('CALCULATION_FAILED', { params: { reason: state.code } });
  const chargedThrough: Record<string, IsoDate> = {};
  for (const c of charged) {
    if (c.through) chargedThrough[itemKey('MDSS', c.side, c.month)] = c.through;
  }
  const dueDates: Record<MonthKey, IsoDate> = {};
  const months = new Set<MonthKey>(input.extraMonths);
  for (const i of state.value.items) if (i.month) months.add(i.month);
  for (const month of months) {
    const due = contributionDueDate(month, holidays);
    if (!due.ok) throw new AppError('CALCULATION_FAILED', { params: { reason: due.code } });
    dueDates[month] = due.value;
  }
  return { state: state.value, chargedThrough, dueDates, parameters };
}

/**
 * The penalty window of a corrective report (issue 10 §1: it recomputes its own period's share):
 * the date the report it replaces was calculated to, and for each obligation that report charged,
 * the day before it started charging it. Other obligations keep what other reports charged.
 */
export async function correctionWindow(
  db: DbOrTx,
  input: {
    employerId: string;
    replacedReportId: string;
    chargedElsewhere: Record<string, IsoDate>;
  },
): Promise<{ through: IsoDate; chargedThrough: Record<string, IsoDate> }> {
  const [accepted] = await db
    .select({
      through: sql<string | null>`(${submissions.documentJson}::jsonb #>> '{penalty,through}')`,
      receivedAt: submissions.receivedAt,
    })
    .from(submissions)
    .where(
      and(
        eq(submissions.reportId, input.replacedReportId),
        eq(submissions.employerId, input.employerId),
        eq(submissions.status, 'ACCEPTED'),
      ),
    );
  if (!accepted)
    throw new AppError('CALCULATION_FAILED', {
      params: { reason: 'REPLACED_REPORT_NOT_ACCEPTED' },
    });
  const through = accepted.through ?? todayInBaku(accepted.receivedAt);
  const rows = await db
    .select({
      side: penaltyCharges.obligationSide,
      month: penaltyCharges.obligationMonth,
      from: penaltyCharges.chargedFrom,
    })
    .from(penaltyCharges)
    .where(
      and(
        eq(penaltyCharges.reportId, input.replacedReportId),
        eq(penaltyCharges.employerId, input.employerId),
      ),
    );
  const chargedThrough: Record<string, IsoDate> = {};
  for (const [key, day] of Object.entries(input.chargedElsewhere)) {
    chargedThrough[key] = day < through ? day : through;
  }
  for (const r of rows) {
    const before = addDays(r.from, -1);
    if (before.ok) chargedThrough[itemKey('MDSS', r.side, r.month)] = before.value;
  }
  return { through, chargedThrough };
}
