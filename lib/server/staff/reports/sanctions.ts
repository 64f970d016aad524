import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  employers,
  ledgerEntries,
  reports,
  sanctionDecisions,
  sanctionProposals,
  submissions,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffBodyFilter, writeStaffAudit, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { staffActor } from './return-report';

export const SANCTIONS_PAGE_SIZE = 25;
export const SANCTION_SOURCE = 'SANCTION_PROPOSAL';

export type SanctionRow = {
  proposalId: string;
  employerId: string;
  employerName: string;
  reportId: string;
  activityCode: string;
  year: number;
  quarter: number;
  receiptNumber: string;
  receivedAt: Date;
  dueDate: string;
  daysLate: number;
  amountQepik: number;
  status: 'PROPOSED' | 'IMPOSED' | 'DISMISSED';
};

/**
 * The late-filing sanction proposals of the staff member's body (issue 14 §10; recorded at
 * sending, DOMAIN.md §6), open ones by default, oldest first; paged in SQL.
 */
export async function listSanctionProposals(
  db: DbOrTx,
  staff: StaffScope,
  input: { status?: 'PROPOSED' | 'IMPOSED' | 'DISMISSED'; page?: number },
): Promise<{ rows: SanctionRow[]; total: number; page: number; pageCount: number }> {
  const status = input.status ?? 'PROPOSED';
  const condition = and(
    staffBodyFilter(staff, employers.localBodyCode),
    eq(sanctionProposals.status, status),
  );
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sanctionProposals)
    .innerJoin(employers, eq(employers.id, sanctionProposals.employerId))
    .where(condition);
  const total = Number(counted?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / SANCTIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(input.page ?? 1) || 1), pageCount);
  const rows = await db
    .select({
      proposalId: sanctionProposals.id,
      employerId: sanctionProposals.employerId,
      employerName: employers.name,
      reportId: sanctionProposals.reportId,
      activityCode: sanctionProposals.activityCode,
      year: reports.year,
      quarter: reports.quarter,
      receiptNumber: submissions.receiptNumber,
      receivedAt: submissions.receivedAt,
      dueDate: submissions.dueDate,
      daysLate: sanctionProposals.daysLate,
      amountQepik: sanctionProposals.amountQepik,
      status: sanctionProposals.status,
    })
    .from(sanctionProposals)
    .innerJoin(employers, eq(employers.id, sanctionProposals.employerId))
    .innerJoin(reports, eq(reports.id, sanctionProposals.reportId))
    .innerJoin(submissions, eq(submissions.id, sanctionProposals.submissionId))
    .where(condition)
    .orderBy(
      status === 'PROPOSED' ? asc(sanctionProposals.createdAt) : desc(sanctionProposals.createdAt),
      asc(sanctionProposals.id),
    )
    .limit(SANCTIONS_PAGE_SIZE)
    .offset((page - 1) * SANCTIONS_PAGE_SIZE);
  return { rows, total, page, pageCount };
}

export type SanctionOutcome = {
  proposalId: string;
  decision: 'IMPOSED' | 'DISMISSED';
  ledgerEntryId: number | null;
};

/**
 * A reviewer imposes or dismisses a sanction proposal of their body, once (issue 14 §10).
 * Imposing posts one SANCTION ledger entry dated today (the fund's own entry: cabinet view 14
 * and the next report's F12 show it, with the reason as its basis); dismissing posts nothing.
 * Both need a reason and are audited with it. Race-safe: the proposal's row lock and its
 * PROPOSED status let one decision through (and sanction_decisions has one row per proposal).
 */
export async function decideSanctionProposal(
  db: DbOrTx,
  staff: StaffScope,
  input: { proposalId: string; decision: 'IMPOSE' | 'DISMISS'; reason: string },
  asOf: Date = now(),
): Promise<SanctionOutcome> {
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('REVIEW_NOTE_REQUIRED', { field: 'reason' });
  if (!isUuid(input.proposalId)) throw new AppError('NOT_FOUND', { params: input });
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: sanctionProposals.id })
      .from(sanctionProposals)
      .innerJoin(employers, eq(employers.id, sanctionProposals.employerId))
      .where(
        and(
          eq(sanctionProposals.id, input.proposalId),
          staffBodyFilter(staff, employers.localBodyCode),
        ),
      );
    if (!found) throw new AppError('NOT_FOUND', { params: { proposalId: input.proposalId } });
    const [proposal] = await tx
      .select()
      .from(sanctionProposals)
      .where(eq(sanctionProposals.id, input.proposalId))
      .for('update');
    if (!proposal || proposal.status !== 'PROPOSED') throw new AppError('REVIEW_SANCTION_DECIDED');
    const decision = input.decision === 'IMPOSE' ? ('IMPOSED' as const) : ('DISMISSED' as const);
    let ledgerEntryId: number | null = null;
    if (decision === 'IMPOSED' && proposal.amountQepik > 0) {
      const [entry] = await tx
        .insert(ledgerEntries)
        .values({
          employerId: proposal.employerId,
          activityCode: proposal.activityCode,
          entryDate: todayInBaku(asOf),
          kind: 'SANCTION',
          amountQepik: proposal.amountQepik,
          target: 'SANCTION',
          sourceType: SANCTION_SOURCE,
          sourceId: proposal.id,
          memo: reason,
          createdBy: staffActor(staff),
          createdAt: asOf,
        })
        .returning({ id: ledgerEntries.id });
      ledgerEntryId = entry?.id ?? null;
    }
    await tx
      .update(sanctionProposals)
      .set({ status: decision })
      .where(eq(sanctionProposals.id, proposal.id));
    await tx.insert(sanctionDecisions).values({
      proposalId: proposal.id,
      employerId: proposal.employerId,
      decision,
      reason,
      ledgerEntryId,
      staffId: staff.staffId,
      staffFin: staff.fin,
      decidedAt: asOf,
    });
    await writeStaffAudit(tx, staff, {
      action: decision === 'IMPOSED' ? 'SANCTION_IMPOSED' : 'SANCTION_DISMISSED',
      employerId: proposal.employerId,
      reason,
      details: {
        proposalId: proposal.id,
        reportId: proposal.reportId,
        submissionId: proposal.submissionId,
        amountQepik: proposal.amountQepik,
        ledgerEntryId,
      },
    });
    return { proposalId: proposal.id, decision, ledgerEntryId };
  });
}
