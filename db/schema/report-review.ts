import {
  bigint,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { ledgerEntries } from './ledger';
import { reports } from './reports';
import { staffMembers } from './staff';
import { sanctionProposals, submissions } from './submissions';

/**
 * A reviewer's return of an accepted report (issue 14 §9): one per accepted submission (the
 * unique index makes a second return of the same acceptance impossible), with the coded reasons
 * and the reviewer's text. Append-only (migration): the compensating entries it posted are listed
 * in ledger_entry_reversals; its persons' rows are the negatives of the submission's own.
 */
export const reportReturns = pgTable(
  'report_returns',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    /** The codes chosen (lib/server/submissions/return-reasons.ts), as [{ code, step, text }]. */
    reasons: jsonb('reasons').notNull(),
    note: text('note').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    staffFin: text('staff_fin').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('report_returns_submission_uq').on(t.submissionId),
    index('report_returns_report_idx').on(t.reportId),
  ],
);

/**
 * Each compensating ledger entry of a return and the entry it reverses (its exact negative, same
 * target, period and source). An entry is reversed at most once (unique). Append-only.
 */
export const ledgerEntryReversals = pgTable(
  'ledger_entry_reversals',
  {
    reversalEntryId: bigint('reversal_entry_id', { mode: 'number' })
      .primaryKey()
      .references(() => ledgerEntries.id),
    reversedEntryId: bigint('reversed_entry_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerEntries.id),
    reportReturnId: uuid('report_return_id')
      .notNull()
      .references(() => reportReturns.id),
  },
  (t) => [
    uniqueIndex('ledger_entry_reversals_reversed_uq').on(t.reversedEntryId),
    index('ledger_entry_reversals_return_idx').on(t.reportReturnId),
  ],
);

export const SANCTION_DECISIONS = ['IMPOSED', 'DISMISSED'] as const;
export type SanctionDecision = (typeof SANCTION_DECISIONS)[number];

/**
 * A reviewer's decision on a late-filing sanction proposal (issue 14 §10), once per proposal
 * (primary key): imposed (the SANCTION ledger entry it posted) or dismissed, with the reason.
 * Append-only; the proposal's status follows it.
 */
export const sanctionDecisions = pgTable(
  'sanction_decisions',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => sanctionProposals.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    decision: text('decision', { enum: SANCTION_DECISIONS }).notNull(),
    reason: text('reason').notNull(),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }).references(() => ledgerEntries.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    staffFin: text('staff_fin').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sanction_decisions_employer_idx').on(t.employerId, t.decidedAt)],
);
