import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text } from 'drizzle-orm/pg-core';

/** DİN = ID card (Ministry of Internal Affairs); MIQRASIYA = residence permit (DOMAIN.md §9). */
export const DOCUMENT_TYPES = ['DIN', 'MIQRASIYA'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * The simulated population registry. The real one is a national system we cannot reach; this
 * table backs the simulated adapter in lib/integrations/population-registry.
 */
export const registryPersons = pgTable(
  'registry_persons',
  {
    fin: text('fin').primaryKey(),
    surname: text('surname').notNull(),
    name: text('name').notNull(),
    patronymic: text('patronymic').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    documentType: text('document_type', { enum: DOCUMENT_TYPES }).notNull(),
    documentNumber: text('document_number').notNull(),
    documentValidTo: date('document_valid_to', { mode: 'string' }).notNull(),
  },
  (t) => [
    check('registry_persons_doc_chk', sql`${t.documentType} in ('DIN','MIQRASIYA')`),
    index('registry_persons_surname_idx').on(t.surname, t.name),
  ],
);

/** The simulated tax registry: VÖEN → taxpayer (DOMAIN.md §9). */
export const taxRegistry = pgTable('tax_registry', {
  voen: text('voen').primaryKey(),
  name: text('name').notNull(),
  taxpayerType: text('taxpayer_type', { enum: ['LEGAL', 'NATURAL'] }).notNull(),
  legalAddress: text('legal_address').notNull(),
});
