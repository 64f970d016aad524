import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { ledgerEntries } from './ledger';
import { activityCodes } from './reference';
import { staffMembers } from './staff';

/** What a staff member records against an employer's debt (issue 14 §6). */
export const DEBT_ACTION_KINDS = ['FINE', 'WRITE_OFF'] as const;
export type DebtActionKind = (typeof DEBT_ACTION_KINDS)[number];
/** PENDING: a write-off above the threshold waiting for the head; POSTED: in the ledger. */
export const DEBT_ACTION_STATUSES = ['PENDING', 'POSTED', 'REJECTED'] as const;
export type DebtActionStatus = (typeof DEBT_ACTION_STATUSES)[number];
/** What a write-off settles, as the ledger's targets distinguish it (a fine is always FINE). */
export const WRITE_OFF_CATEGORIES = ['MDSS', 'PENALTY', 'FINE', 'SANCTION', 'OTHER'] as const;
export type WriteOffCategory = (typeof WRITE_OFF_CATEGORIES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * The fund's fines and write-offs (SPEC H2, issue 14 §6), one row each, with who asked, who
 * decided and the ledger entry it posted. A fine and a write-off up to the threshold post at once;
 * a larger write-off waits (PENDING) for a second person, the head of the local body, who
 * approves (POSTED) or rejects it with a reason (REJECTED). The decision is a conditional update
 * of a PENDING row, so two heads deciding at once post once. The ledger entry itself is
 * append-only; this row only records the decision.
 */
export const debtActions = pgTable(
  'debt_actions',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: DEBT_ACTION_KINDS }).notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code')
      .notNull()
      .references(() => activityCodes.code),
    category: text('category', { enum: WRITE_OFF_CATEGORIES }).notNull(),
    /** What is fined or written off, > 0 (the ledger entry carries the sign). */
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    /** A fine's date; for a write-off the day it was asked for. */
    actionDate: date('action_date', { mode: 'string' }).notNull(),
    /** A write-off's period, months 'YYYY-MM'. */
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    /** The legal basis of a fine, the basis document of a write-off. */
    basis: text('basis').notNull(),
    status: text('status', { enum: DEBT_ACTION_STATUSES }).notNull(),
    needsApproval: boolean('needs_approval').notNull(),
    requestedByStaffId: uuid('requested_by_staff_id')
      .notNull()
      .references(() => staffMembers.id),
    requestedByFin: text('requested_by_fin').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedByStaffId: uuid('decided_by_staff_id').references(() => staffMembers.id),
    decidedByFin: text('decided_by_fin'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }).references(() => ledgerEntries.id),
  },
  (t) => [
    index('debt_actions_employer_idx').on(t.employerId, t.requestedAt),
    index('debt_actions_status_idx').on(t.status, t.requestedAt),
    uniqueIndex('debt_actions_ledger_entry_uq').on(t.ledgerEntryId),
    check('debt_actions_kind_chk', sql`${t.kind} in (${inList(DEBT_ACTION_KINDS)})`),
    check('debt_actions_status_chk', sql`${t.status} in (${inList(DEBT_ACTION_STATUSES)})`),
    check('debt_actions_category_chk', sql`${t.category} in (${inList(WRITE_OFF_CATEGORIES)})`),
    check('debt_actions_amount_chk', sql`${t.amountQepik} > 0`),
    check(
      'debt_actions_fine_chk',
      sql`${t.kind} <> 'FINE' or (${t.category} = 'FINE' and not ${t.needsApproval})`,
    ),
    check(
      'debt_actions_period_chk',
      sql`(${t.periodFrom} is null) = (${t.periodTo} is null)
        and (${t.periodFrom} is null or (${t.periodFrom} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
          and ${t.periodTo} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and ${t.periodFrom} <= ${t.periodTo}))`,
    ),
    // Posted means in the ledger; a decision is someone else's (four eyes), a rejection has a reason.
    check(
      'debt_actions_state_chk',
      sql`(${t.status} = 'POSTED') = (${t.ledgerEntryId} is not null)
        and (${t.status} <> 'REJECTED' or ${t.decisionReason} is not null)
        and ((${t.status} = 'PENDING' or not ${t.needsApproval}) = (${t.decidedByFin} is null))
        and (${t.status} not in ('PENDING', 'REJECTED') or ${t.needsApproval})`,
    ),
    check(
      'debt_actions_four_eyes_chk',
      sql`${t.decidedByFin} is null or ${t.decidedByFin} <> ${t.requestedByFin}`,
    ),
  ],
);
