import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { activityCodes } from './reference';
import { registryPersons } from './registry';

export const EMPLOYER_TYPES = ['LEGAL_ENTITY', 'BUDGET_ORGANISATION', 'ENTREPRENEUR'] as const;

/** Employers ("sığortaedən") as the fund registers them (SPEC B1). */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    employerType: text('employer_type', { enum: EMPLOYER_TYPES }).notNull(),
    dsmfRegNumber: text('dsmf_reg_number').notNull().unique(),
    voen: text('voen').notNull(),
    localBodyCode: text('local_body_code').notNull(),
    localBodyName: text('local_body_name').notNull(),
    responsibleFin: text('responsible_fin')
      .notNull()
      .references(() => registryPersons.fin),
    parentEmployerId: uuid('parent_employer_id').references((): AnyPgColumn => employers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('employers_responsible_fin_idx').on(t.responsibleFin),
    index('employers_parent_idx').on(t.parentEmployerId),
    // A local body's employers, by name: the staff queue's body filter and its employer list,
    // both read from the index alone.
    index('employers_body_name_idx').on(t.localBodyCode, t.name, t.id),
    check('employers_reg_chk', sql`${t.dsmfRegNumber} ~ '^[0-9]{5,15}$'`),
    check('employers_voen_chk', sql`${t.voen} ~ '^[0-9]{9}[12]$'`),
  ],
);

export const employerAddresses = pgTable(
  'employer_addresses',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    kind: text('kind', { enum: ['LEGAL', 'ACTUAL'] }).notNull(),
    address: text('address').notNull(),
  },
  (t) => [index('employer_addresses_employer_idx').on(t.employerId)],
);

export const employerContacts = pgTable(
  'employer_contacts',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    kind: text('kind', { enum: ['PHONE', 'EMAIL'] }).notNull(),
    value: text('value').notNull(),
  },
  (t) => [index('employer_contacts_employer_idx').on(t.employerId)],
);

export const employerBankAccounts = pgTable(
  'employer_bank_accounts',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    bankName: text('bank_name').notNull(),
    bankCode: text('bank_code').notNull(),
    iban: text('iban').notNull(),
    currency: text('currency').notNull().default('AZN'),
  },
  (t) => [index('employer_bank_accounts_employer_idx').on(t.employerId)],
);

/** The activity codes an employer is registered for (report step F3 offers only these). */
export const employerActivityCodes = pgTable(
  'employer_activity_codes',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    activityCode: text('activity_code')
      .notNull()
      .references(() => activityCodes.code),
  },
  (t) => [primaryKey({ columns: [t.employerId, t.activityCode] })],
);

/**
 * Who works for an employer, as the employer last declared. Reports prefill their person list
 * from it (a 3,000-person report is not typed by hand); it is not evidence, the reports are.
 */
export const employments = pgTable(
  'employments',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    fin: text('fin')
      .notNull()
      .references(() => registryPersons.fin),
    activityCode: text('activity_code')
      .notNull()
      .references(() => activityCodes.code),
    position: text('position').notNull(),
    monthlyWageQepik: bigint('monthly_wage_qepik', { mode: 'number' }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.employerId, t.fin, t.activityCode] }),
    index('employments_fin_idx').on(t.fin),
    check('employments_wage_chk', sql`${t.monthlyWageQepik} >= 0`),
  ],
);
