import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { LEDGER_SIDES } from './ledger';
import { reports } from './reports';
import { submissions } from './submissions';

/**
 * The penalty an accepted report charged, per MDSS obligation (month and side): the days from
 * chargedFrom to chargedTo and the intervals behind the amount (SPEC F11, cabinet view 13).
 * Append-only. The next calculation charges an obligation only after its latest chargedTo among
 * reports in force, so no day is charged twice (DOMAIN.md §4).
 */
export const penaltyCharges = pgTable(
  'penalty_charges',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    obligationSide: text('obligation_side', { enum: LEDGER_SIDES }).notNull(),
    obligationMonth: text('obligation_month').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** What accrued for the month and side. */
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    chargedFrom: date('charged_from', { mode: 'string' }).notNull(),
    chargedTo: date('charged_to', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    /** Days charged over the obligation's life up to chargedTo (the cap counts these). */
    totalDays: integer('total_days').notNull(),
    penaltyQepik: bigint('penalty_qepik', { mode: 'number' }).notNull(),
    /** [{from, to, days, overdueQepik, rate: {num, den}, penaltyQepik}] */
    intervals: jsonb('intervals').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('penalty_charges_employer_code_idx').on(t.employerId, t.activityCode, t.obligationMonth),
    index('penalty_charges_report_idx').on(t.reportId),
  ],
);
