import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { activityCodes, economicClassCodes } from './reference';

/**
 * Payments as the fund's local body records them from the bank statement (SPEC E3, H2).
 * The unallocated remainder is derived from allocations, never stored, so it cannot drift.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code').references(() => activityCodes.code),
    paymentDate: date('payment_date', { mode: 'string' }).notNull(),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    bankReference: text('bank_reference').notNull(),
    economicClassCode: text('economic_class_code')
      .notNull()
      .references(() => economicClassCodes.code),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payments_employer_date_idx').on(t.employerId, t.paymentDate),
    unique('payments_employer_bank_ref_uq').on(t.employerId, t.bankReference),
    check('payments_amount_positive_chk', sql`${t.amountQepik} > 0`),
  ],
);
