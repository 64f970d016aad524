import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { payments } from './payments';

export const STATEMENT_FORMATS = ['CAMT053', 'CSV'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** What the import found for a line; whether it is recorded is derived (a payment names its reference). */
export const STATEMENT_LINE_STATUSES = ['MATCHED', 'UNMATCHED', 'DUPLICATE'] as const;
export type StatementLineStatus = (typeof STATEMENT_LINE_STATUSES)[number];

/**
 * One uploaded bank statement (issue 14 §5). Append-only: its lines keep what the import found;
 * a line is recorded when a payment carries its bank reference (payments_bank_ref_uq), so no
 * status is ever UPDATEd.
 */
export const bankStatementImports = pgTable(
  'bank_statement_imports',
  {
    id: uuid('id').primaryKey(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: STATEMENT_FORMATS }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** The importing staff member's local body (null: central staff). */
    localBodyCode: text('local_body_code'),
    staffId: uuid('staff_id').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    lineCount: integer('line_count').notNull(),
    problemCount: integer('problem_count').notNull(),
    /** The lines the readers refused (code, line, reference), at most the first 200. */
    problems: jsonb('problems')
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('bank_statement_imports_body_idx').on(t.localBodyCode, t.importedAt),
    check('bank_statement_imports_format_chk', sql`${t.format} in ('CAMT053', 'CSV')`),
  ],
);

export const bankStatementLines = pgTable(
  'bank_statement_lines',
  {
    id: uuid('id').primaryKey(),
    importId: uuid('import_id')
      .notNull()
      .references(() => bankStatementImports.id),
    lineIndex: integer('line_index').notNull(),
    bankReference: text('bank_reference').notNull(),
    bookingDate: date('booking_date', { mode: 'string' }).notNull(),
    valueDate: date('value_date', { mode: 'string' }).notNull(),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    payerName: text('payer_name'),
    payerVoen: text('payer_voen'),
    classCode: text('class_code'),
    remittance: text('remittance').notNull(),
    status: text('status', { enum: STATEMENT_LINE_STATUSES }).notNull(),
    /** The match code (UNMATCHED, DUPLICATE), null when matched. */
    reason: text('reason'),
    /** The matched employer (MATCHED), null otherwise. */
    employerId: uuid('employer_id').references(() => employers.id),
    /** Whose queue the line is in: the matched employer's body, else the importer's (null: central). */
    localBodyCode: text('local_body_code'),
  },
  (t) => [
    index('bank_statement_lines_import_idx').on(t.importId, t.lineIndex),
    index('bank_statement_lines_queue_idx').on(t.status, t.localBodyCode),
    // A bank reference is taken by at most one import's line; later copies are DUPLICATE rows.
    uniqueIndex('bank_statement_lines_ref_uq')
      .on(t.bankReference)
      .where(sql`${t.status} <> 'DUPLICATE'`),
    check(
      'bank_statement_lines_status_chk',
      sql`${t.status} in ('MATCHED', 'UNMATCHED', 'DUPLICATE')`,
    ),
    check('bank_statement_lines_amount_chk', sql`${t.amountQepik} > 0`),
  ],
);

/**
 * A wrong payment reversed by a staff member (issue 14 §5): the compensating entry. The payment
 * row stays as recorded; remainderSql subtracts the reversal, so its remainder is 0 everywhere.
 * Only a payment no report uses and nothing was distributed from may be reversed, once.
 */
export const paymentReversals = pgTable(
  'payment_reversals',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .unique()
      .references(() => payments.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    staffId: uuid('staff_id').notNull(),
    reversedBy: text('reversed_by').notNull(),
    reversedAt: timestamp('reversed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_reversals_employer_idx').on(t.employerId),
    check('payment_reversals_amount_chk', sql`${t.amountQepik} > 0`),
  ],
);
