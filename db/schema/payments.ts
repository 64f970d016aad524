import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { signedDocuments } from './identity';
import { activityCodes, economicClassCodes } from './reference';

export const DISTRIBUTION_KINDS = ['CLASSIFICATION', 'SUB_EMPLOYER'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

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
    /**
     * A part of another payment that a signed distribution (SPEC E3–E5) made a payment of its
     * own (another classification code, or a sub-employer's). The source keeps its amount; its
     * remainder counts the parts taken from it (remainderSql), so nothing is ever UPDATEd.
     */
    sourcePaymentId: uuid('source_payment_id').references((): AnyPgColumn => payments.id),
    distributionId: uuid('distribution_id').references((): AnyPgColumn => paymentDistributions.id),
  },
  (t) => [
    index('payments_employer_date_idx').on(t.employerId, t.paymentDate),
    index('payments_source_idx').on(t.sourcePaymentId),
    unique('payments_employer_bank_ref_uq').on(t.employerId, t.bankReference),
    // A bank's reference is one movement of money: recorded once, for one employer (issue 14
    // §5). Parts of a distribution carry '<reference>/<n>' and a source, so they are not counted.
    uniqueIndex('payments_bank_ref_uq')
      .on(t.bankReference)
      .where(sql`${t.sourcePaymentId} is null`),
    check('payments_amount_positive_chk', sql`${t.amountQepik} > 0`),
  ],
);

/**
 * A signed distribution of a payment's remainder (SPEC E3–E5, issue 13 §6–§8): by economic
 * classification code or to sub-employers. Append-only; its parts are the payments that name
 * it (payments.distribution_id), and what was signed is the signed document.
 */
export const paymentDistributions = pgTable(
  'payment_distributions',
  {
    id: uuid('id').primaryKey(),
    /** The source payment's employer (a parent distributing a sub-employer's payment: the sub). */
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    sourcePaymentId: uuid('source_payment_id')
      .notNull()
      .references((): AnyPgColumn => payments.id),
    kind: text('kind', { enum: DISTRIBUTION_KINDS }).notNull(),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    signedDocumentId: uuid('signed_document_id')
      .notNull()
      .unique()
      .references(() => signedDocuments.id),
    signerFin: text('signer_fin').notNull(),
    /** The employer the signer acted for (the parent, for a sub-employer's payment). */
    actingEmployerId: uuid('acting_employer_id')
      .notNull()
      .references(() => employers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_distributions_employer_idx').on(t.employerId, t.createdAt),
    index('payment_distributions_source_idx').on(t.sourcePaymentId),
    check('payment_distributions_amount_chk', sql`${t.amountQepik} > 0`),
    check('payment_distributions_kind_chk', sql`${t.kind} in ('CLASSIFICATION', 'SUB_EMPLOYER')`),
  ],
);
