import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { payments } from './payments';
import { activityCodes, nonLiableIncomeReasons, preferentialSeniorityEntries } from './reference';

export const REPORT_TYPES = ['INITIAL', 'CORRECTIVE'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
/** DRAFT until signed; SENT (received) → ACCEPTED or RETURNED; REPLACED by a corrective report. */
export const REPORT_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'RETURNED', 'REPLACED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** A returned report goes back to its owner to fix and send again: it edits like a draft. */
export const EDITABLE_STATUSES: ReadonlySet<ReportStatus> = new Set(['DRAFT', 'RETURNED']);

/**
 * A quarterly report (SPEC F1–F26, DOMAIN.md §6). A draft from the moment type, period and
 * activity code are chosen; `version` guards against two tabs saving over each other.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code')
      .notNull()
      .references(() => activityCodes.code),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    reportType: text('report_type', { enum: REPORT_TYPES }).notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('DRAFT'),
    replacesReportId: uuid('replaces_report_id'),
    /** F4, from the ledger when the draft was made (re-read on "HESABLA"). */
    debtStartQepik: bigint('debt_start_qepik', { mode: 'number' }).notNull().default(0),
    /** Per-step progress and answers that need no table of their own (e.g. F5 seen). */
    stepState: jsonb('step_state')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Warnings the user confirmed on the check page: code+month → reason. */
    confirmations: jsonb('confirmations')
      .notNull()
      .default(sql`'{}'::jsonb`),
    distributedAt: timestamp('distributed_at', { withTimezone: true }),
    penaltyComputedAt: timestamp('penalty_computed_at', { withTimezone: true }),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    /** Registry columns filled from the signed document when sent (search and sort, G1–G2). */
    receiptNumber: text('receipt_number'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    mdssQepik: bigint('mdss_qepik', { mode: 'number' }),
    debtEndQepik: bigint('debt_end_qepik', { mode: 'number' }),
    personsCount: integer('persons_count'),
    /**
     * The filing deadline and late flag of the latest submission, written with it in the same
     * transaction (receive-submission.ts): the staff review queue orders a body's reports by
     * them from an index instead of reading every report's latest submission (issue 15 §11).
     * The due date is the quarter's, moved by the holidays in force at receipt, so it is kept as
     * received rather than recomputed. Null until the report is first sent.
     */
    dueDate: date('due_date', { mode: 'string' }),
    late: boolean('late'),
    /**
     * The draft's persons (F20) and those with an income in each month of the quarter (m1..m3),
     * kept by the one change path (draft-change.ts) so no step counts report_persons (issue 15).
     */
    draftPersons: integer('draft_persons').notNull().default(0),
    draftPersonsM1: integer('draft_persons_m1').notNull().default(0),
    draftPersonsM2: integer('draft_persons_m2').notNull().default(0),
    draftPersonsM3: integer('draft_persons_m3').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdByFin: text('created_by_fin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reports_employer_period_idx').on(t.employerId, t.year, t.quarter),
    index('reports_employer_receipt_idx').on(t.employerId, t.receiptNumber),
    // The staff review queue (issue 15 §11) counts, orders and pages a body's reports from this
    // index alone (an index-only scan per employer), then reads the page's 25 rows.
    index('reports_employer_queue_idx').on(
      t.employerId,
      t.status,
      t.year,
      t.quarter,
      t.dueDate,
      t.late,
      t.decidedAt,
      t.sentAt,
      t.id,
    ),
    // One İlkin report per (employer, activity code, year, quarter) — DOMAIN.md §6.
    uniqueIndex('reports_one_initial_uq')
      .on(t.employerId, t.activityCode, t.year, t.quarter)
      .where(sql`${t.reportType} = 'INITIAL'`),
    check('reports_quarter_chk', sql`${t.quarter} between 1 and 4`),
    check('reports_year_chk', sql`${t.year} between 2019 and 2100`),
  ],
);

/** F7 labour payments and F18 headcount, one row per month of the quarter. */
export const reportMonths = pgTable(
  'report_months',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    month: text('month').notNull(),
    labourPaymentsQepik: bigint('labour_payments_qepik', { mode: 'number' }),
    headcount: integer('headcount'),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.month] }),
    index('report_months_employer_idx').on(t.employerId, t.reportId),
    check(
      'report_months_amount_chk',
      sql`${t.labourPaymentsQepik} is null or ${t.labourPaymentsQepik} >= 0`,
    ),
    check('report_months_headcount_chk', sql`${t.headcount} is null or ${t.headcount} >= 0`),
  ],
);

/** F8 income not subject to MDSS. */
export const reportNonLiableIncomes = pgTable(
  'report_non_liable_incomes',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    reasonCode: text('reason_code')
      .notNull()
      .references(() => nonLiableIncomeReasons.code),
    month: text('month').notNull(),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('report_non_liable_employer_idx').on(t.employerId, t.reportId),
    check('report_non_liable_amount_chk', sql`${t.amountQepik} > 0`),
  ],
);

/** F6: the part of a fund-recorded payment this report uses. Σ over all reports ≤ the payment. */
export const reportPayments = pgTable(
  'report_payments',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.paymentId] }),
    index('report_payments_employer_idx').on(t.employerId, t.reportId),
    index('report_payments_payment_idx').on(t.paymentId),
    check('report_payments_amount_chk', sql`${t.amountQepik} > 0`),
  ],
);

export const REPORT_LINE_CATEGORIES = [
  'PENALTY',
  'SANCTIONS_FINES',
  'SANATORIUM',
  'INJURY_REFUND',
  'FUND_FOUND',
  'OTHER',
] as const;
export type ReportLineCategory = (typeof REPORT_LINE_CATEGORIES)[number];

/** F11–F16 as (category, accrued, paid) so the balance can be re-derived (DOMAIN.md §6). */
export const reportLines = pgTable(
  'report_lines',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    category: text('category', { enum: REPORT_LINE_CATEGORIES }).notNull(),
    accruedQepik: bigint('accrued_qepik', { mode: 'number' }).notNull().default(0),
    paidQepik: bigint('paid_qepik', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.category] }),
    index('report_lines_employer_idx').on(t.employerId, t.reportId),
    check('report_lines_amounts_chk', sql`${t.accruedQepik} >= 0 and ${t.paidQepik} >= 0`),
  ],
);

/**
 * F20: insured persons with their MDSS-liable income for each month of the quarter (m1..m3 are
 * the quarter's months in order; null = not employed that month). Names are a registry snapshot.
 */
export const reportPersons = pgTable(
  'report_persons',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    fin: text('fin').notNull(),
    surname: text('surname').notNull(),
    name: text('name').notNull(),
    patronymic: text('patronymic').notNull(),
    incomeM1Qepik: bigint('income_m1_qepik', { mode: 'number' }),
    incomeM2Qepik: bigint('income_m2_qepik', { mode: 'number' }),
    incomeM3Qepik: bigint('income_m3_qepik', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.fin] }),
    index('report_persons_employer_idx').on(t.employerId, t.reportId),
    index('report_persons_name_idx').on(t.reportId, t.surname, t.name),
    check(
      'report_persons_income_chk',
      sql`coalesce(${t.incomeM1Qepik}, 0) >= 0 and coalesce(${t.incomeM2Qepik}, 0) >= 0 and coalesce(${t.incomeM3Qepik}, 0) >= 0`,
    ),
  ],
);

/** F24: persons with preferential seniority, by list entry, with days or a from–to. */
export const reportSeniority = pgTable(
  'report_seniority',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    fin: text('fin').notNull(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => preferentialSeniorityEntries.id),
    days: integer('days'),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('report_seniority_employer_idx').on(t.employerId, t.reportId),
    check(
      'report_seniority_period_chk',
      sql`(${t.days} is not null and ${t.days} > 0) or (${t.fromDate} is not null and ${t.toDate} is not null and ${t.toDate} >= ${t.fromDate})`,
    ),
  ],
);

/** F25: responsible person and chief accountant, found by FIN + document type. */
export const reportSignatories = pgTable(
  'report_signatories',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    role: text('role', { enum: ['RESPONSIBLE', 'CHIEF_ACCOUNTANT'] }).notNull(),
    fin: text('fin').notNull(),
    documentType: text('document_type', { enum: ['DIN', 'MIQRASIYA'] }).notNull(),
    surname: text('surname').notNull(),
    name: text('name').notNull(),
    patronymic: text('patronymic').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.role] }),
    index('report_signatories_employer_idx').on(t.employerId, t.reportId),
  ],
);

/**
 * The check-page figures of a draft as last computed (issue 15 §3): one row per report, valid
 * while `inputs_key` — the draft's version plus a fingerprint of the ledger, reference data and
 * day it was computed against — is the one a reader computes now. A cache, never a source: it
 * holds only what lib/domain's engine gave, and is recomputed on any difference.
 */
export const reportReviewCache = pgTable(
  'report_review_cache',
  {
    reportId: uuid('report_id')
      .primaryKey()
      .references(() => reports.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    version: integer('version').notNull(),
    inputsKey: text('inputs_key').notNull(),
    payload: jsonb('payload').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_review_cache_employer_idx').on(t.employerId, t.reportId)],
);

/** Payroll API tokens (issue 5 §9): shown once, stored as SHA-256, one employer, one service. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    service: text('service').notNull().default('REPORTS'),
    createdByFin: text('created_by_fin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_employer_idx').on(t.employerId, t.createdAt)],
);
