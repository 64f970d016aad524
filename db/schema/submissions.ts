import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { signedDocuments } from './identity';
import { reports } from './reports';
import { activityCodes } from './reference';

/** Receipt numbers come from one sequence, so two concurrent sends never share one. */
export const receiptNumberSeq = pgSequence('receipt_number_seq', { startWith: 1000001 });

export const SUBMISSION_STATUSES = ['RECEIVED', 'ACCEPTED', 'RETURNED'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * One signed sending of a report (issue 6 §4–§8). The document is the report's canonical JSON
 * exactly as sent; `signed_document_id` is the signature over it — or, for "GÖNDƏR" of a whole
 * quarter, over the batch manifest that lists its hash. Append-only except for the decision
 * columns, which the acceptance step fills once (see the status history for the timeline).
 */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    batchId: uuid('batch_id'),
    receiptNumber: text('receipt_number').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    documentJson: text('document_json').notNull(),
    /**
     * The same document without its persons (issue 15 §4), written with it: the sent report's
     * view reads this and pages the persons from report_persons, instead of fetching and parsing
     * megabytes per view. Null for submissions received before it existed (the view then falls
     * back to the document).
     */
    documentViewJson: text('document_view_json'),
    documentHash: text('document_hash').notNull(),
    signedDocumentId: uuid('signed_document_id')
      .notNull()
      .references(() => signedDocuments.id),
    signerFin: text('signer_fin').notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    late: boolean('late').notNull(),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('RECEIVED'),
    /** Coded reasons of a return: [{ code, step, params }]. */
    returnReasons: jsonb('return_reasons'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('submissions_receipt_uq').on(t.receiptNumber),
    // Idempotency: one submission per report per signature (a retry finds the first one).
    uniqueIndex('submissions_report_signature_uq').on(t.reportId, t.signedDocumentId),
    index('submissions_employer_idx').on(t.employerId, t.receivedAt),
    index('submissions_report_idx').on(t.reportId, t.receivedAt),
    index('submissions_hash_idx').on(t.documentHash),
  ],
);

export const REPORT_HISTORY_STATUSES = ['RECEIVED', 'ACCEPTED', 'RETURNED', 'REPLACED'] as const;
export type ReportHistoryStatus = (typeof REPORT_HISTORY_STATUSES)[number];

/** Every status a report passed through after signing, append-only (trigger). */
export const reportStatusHistory = pgTable(
  'report_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    employerId: uuid('employer_id').notNull(),
    submissionId: uuid('submission_id').references(() => submissions.id),
    status: text('status', { enum: REPORT_HISTORY_STATUSES }).notNull(),
    reasons: jsonb('reasons'),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_status_history_report_idx').on(t.reportId, t.id)],
);

/** "GÖNDƏR" of all drafts of a quarter: one signature over the manifest of their hashes (G3). */
export const submissionBatches = pgTable(
  'submission_batches',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    manifest: jsonb('manifest').notNull(),
    signedDocumentId: uuid('signed_document_id').references(() => signedDocuments.id),
    signingSessionId: uuid('signing_session_id').notNull(),
    createdByFin: text('created_by_fin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('submission_batches_session_uq').on(t.signingSessionId),
    index('submission_batches_employer_idx').on(t.employerId, t.createdAt),
  ],
);

/**
 * A late filing's sanction proposal for fund staff (DOMAIN.md §6: 10 % of the report's MDSS):
 * recorded, never posted by the system.
 */
export const sanctionProposals = pgTable(
  'sanction_proposals',
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
    activityCode: text('activity_code').notNull(),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    daysLate: integer('days_late').notNull(),
    status: text('status', { enum: ['PROPOSED', 'IMPOSED', 'DISMISSED'] })
      .notNull()
      .default('PROPOSED'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sanction_proposals_submission_uq').on(t.submissionId),
    index('sanction_proposals_employer_idx').on(t.employerId),
    check('sanction_proposals_amount_chk', sql`${t.amountQepik} >= 0`),
  ],
);

/**
 * Insured persons' individual accounts (DOMAIN.md §7): per person, month and activity code, what
 * each accepted report contributed — liable income, MDSS per side and what was distributed to
 * them. Append-only (trigger); a corrective report adds the difference as new rows, so a person's
 * figures are the sum of their rows and every change stays traceable to its submission.
 */
export const personAccountEntries = pgTable(
  'person_account_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code')
      .notNull()
      .references(() => activityCodes.code),
    fin: text('fin').notNull(),
    month: text('month').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    incomeQepik: bigint('income_qepik', { mode: 'number' }).notNull(),
    employerMdssQepik: bigint('employer_mdss_qepik', { mode: 'number' }).notNull(),
    employeeMdssQepik: bigint('employee_mdss_qepik', { mode: 'number' }).notNull(),
    paidEmployerQepik: bigint('paid_employer_qepik', { mode: 'number' }).notNull(),
    paidEmployeeQepik: bigint('paid_employee_qepik', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('person_account_fin_idx').on(t.fin, t.month),
    index('person_account_employer_idx').on(t.employerId, t.activityCode, t.month),
    index('person_account_submission_idx').on(t.submissionId),
  ],
);

/** A fixed bit string of months (drizzle has no bit column type). */
const monthBits = customType<{ data: string; driverData: string }>({
  dataType: () => 'bit(1212)',
});

/**
 * Each person's account totals per employer and activity code: the sum of their
 * person_account_entries rows, kept by a statement trigger on that append-only table in the same
 * transaction (migration 0010), so it cannot drift from them. Cabinet view 8 lists and pages
 * 50 000 persons from it instead of aggregating millions of person-months on every page.
 * Only the trigger writes it; a test checks it against the entries.
 */
export const personAccountTotals = pgTable(
  'person_account_totals',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code').notNull(),
    fin: text('fin').notNull(),
    incomeQepik: bigint('income_qepik', { mode: 'number' }).notNull(),
    employerMdssQepik: bigint('employer_mdss_qepik', { mode: 'number' }).notNull(),
    employeeMdssQepik: bigint('employee_mdss_qepik', { mode: 'number' }).notNull(),
    paidEmployerQepik: bigint('paid_employer_qepik', { mode: 'number' }).notNull(),
    paidEmployeeQepik: bigint('paid_employee_qepik', { mode: 'number' }).notNull(),
    /**
     * The months the person has rows for (migration 0012): bit i is month i counted from 2000-01
     * (i = (year − 2000) × 12 + month − 1), 2000-01 to 2100-12 as the period filter allows. View
     * 8's period filter picks and pages the persons of a year, quarter or month by a substring of
     * these bits, instead of grouping every person-month of the period.
     */
    months: monthBits('months')
      .notNull()
      .default(sql`B'0'::bit(1212)`),
  },
  (t) => [primaryKey({ columns: [t.employerId, t.activityCode, t.fin] })],
);

/**
 * The persons' accounts of an employer and activity code summed per contribution month, kept by
 * the same statement trigger as person_account_totals (migration 0012): the foot of view 8 with a
 * period filter adds at most twelve of these rows instead of every person-month of the period.
 */
export const personAccountMonthTotals = pgTable(
  'person_account_month_totals',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code').notNull(),
    month: text('month').notNull(),
    incomeQepik: bigint('income_qepik', { mode: 'number' }).notNull(),
    employerMdssQepik: bigint('employer_mdss_qepik', { mode: 'number' }).notNull(),
    employeeMdssQepik: bigint('employee_mdss_qepik', { mode: 'number' }).notNull(),
    paidEmployerQepik: bigint('paid_employer_qepik', { mode: 'number' }).notNull(),
    paidEmployeeQepik: bigint('paid_employee_qepik', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.employerId, t.activityCode, t.month] })],
);
