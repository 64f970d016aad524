import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { payments } from './payments';
import { activityCodes } from './reference';

/** Kinds that raise the debt (amount > 0) and kinds that lower it (amount < 0). */
export const DEBIT_KINDS = [
  'MDSS_ACCRUAL_EMPLOYER',
  'MDSS_ACCRUAL_EMPLOYEE',
  'PENALTY',
  'FINE',
  'SANCTION',
  'OTHER_ACCRUAL',
] as const;
export const CREDIT_KINDS = ['PAYMENT', 'WRITE_OFF'] as const;
/** Opening balances (debt or overpayment) and adjustments (corrective reports) go either way. */
export const ADJUSTMENT_KINDS = ['OPENING_BALANCE', 'ADJUSTMENT'] as const;
export const LEDGER_KINDS = [...DEBIT_KINDS, ...CREDIT_KINDS, ...ADJUSTMENT_KINDS] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** What an entry accrues or settles (DOMAIN.md §5): an MDSS month and side, or another debt. */
export const LEDGER_TARGETS = ['MDSS', 'PENALTY', 'FINE', 'SANCTION', 'OTHER', 'CREDIT'] as const;
export type LedgerTarget = (typeof LEDGER_TARGETS)[number];
export const LEDGER_SIDES = ['EMPLOYER', 'EMPLOYEE'] as const;

const inList = (kinds: readonly string[]) => sql.raw(kinds.map((k) => `'${k}'`).join(','));

/**
 * The employer's ledger per activity code: append-only (a trigger refuses UPDATE and DELETE, see
 * migration 0001). Corrections are new entries, so every balance can be re-derived at any date.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code')
      .notNull()
      .references(() => activityCodes.code),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    periodYear: integer('period_year'),
    periodMonth: integer('period_month'),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    amountQepik: bigint('amount_qepik', { mode: 'number' }).notNull(),
    paymentId: uuid('payment_id').references(() => payments.id),
    /**
     * What the entry accrues or settles; for MDSS with the side and the contribution month, so a
     * payment to older debt names the month it paid (its period stays in the report's quarter).
     * Null only on entries written before these columns existed (read by their kind and memo).
     */
    target: text('target', { enum: LEDGER_TARGETS }),
    obligationSide: text('obligation_side', { enum: LEDGER_SIDES }),
    obligationMonth: text('obligation_month'),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    memo: text('memo'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_employer_activity_date_idx').on(t.employerId, t.activityCode, t.entryDate),
    index('ledger_payment_idx').on(t.paymentId),
    check('ledger_kind_chk', sql`${t.kind} in (${inList(LEDGER_KINDS)})`),
    check(
      'ledger_sign_chk',
      sql`(${t.kind} in (${inList(DEBIT_KINDS)}) and ${t.amountQepik} > 0)
        or (${t.kind} in (${inList(CREDIT_KINDS)}) and ${t.amountQepik} < 0)
        or (${t.kind} in (${inList(ADJUSTMENT_KINDS)}) and ${t.amountQepik} <> 0)`,
    ),
    check('ledger_month_chk', sql`${t.periodMonth} is null or ${t.periodMonth} between 1 and 12`),
    check(
      'ledger_target_chk',
      sql`${t.target} is null or ${t.target} in (${inList(LEDGER_TARGETS)})`,
    ),
    check(
      'ledger_obligation_chk',
      sql`(${t.obligationSide} is null or ${t.obligationSide} in (${inList(LEDGER_SIDES)}))
        and (${t.obligationMonth} is null or ${t.obligationMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')`,
    ),
  ],
);
