import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { certificates } from './identity';
import { registryPersons } from './registry';

/** The fund's e-services an authority can be granted for (SPEC C1). */
export const SERVICES = ['REPORTS', 'AUTHORITIES', 'EMPLOYER_DATA'] as const;
export type Service = (typeof SERVICES)[number];

/**
 * Authorities ("səlahiyyət") granted by an employer's responsible person (SPEC C1–C7). Never
 * deleted: revoking sets revoked_at, so the registry keeps the history.
 */
export const authorities = pgTable(
  'authorities',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    service: text('service', { enum: SERVICES }).notNull(),
    method: text('method', { enum: ['ESIGN', 'ASAN'] }).notNull(),
    holderFin: text('holder_fin')
      .notNull()
      .references(() => registryPersons.fin),
    certificateSerial: text('certificate_serial')
      .notNull()
      .references(() => certificates.serial),
    /** Card number (ESIGN) or phone (ASAN) as the grantor entered it, for the registry view. */
    deviceRef: text('device_ref').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    grantedByFin: text('granted_by_fin').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByFin: text('revoked_by_fin'),
  },
  (t) => [
    index('authorities_employer_idx').on(t.employerId, t.grantedAt),
    index('authorities_holder_idx').on(t.holderFin),
    check(
      'authorities_interval_chk',
      sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);
