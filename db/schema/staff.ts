import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STAFF_ROLES } from '../../lib/domain/staff/staff-roles';
import { registryPersons } from './registry';

/**
 * The fund's staff accounts (SPEC H1, issue 14 §1). A staff member signs in with their own
 * certificate like anyone else; this row says that the person is staff, in which role and for
 * which local body (none for central staff, the administrators), from when to when. The guard
 * reads it on every request, so an account that ended stops working at the next one. An account
 * is never deleted: it ends (active_to), and a new role is a new row.
 */
export const staffMembers = pgTable(
  'staff_members',
  {
    id: uuid('id').primaryKey(),
    fin: text('fin')
      .notNull()
      .references(() => registryPersons.fin),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    localBodyCode: text('local_body_code'),
    localBodyName: text('local_body_name'),
    activeFrom: timestamp('active_from', { withTimezone: true }).notNull(),
    activeTo: timestamp('active_to', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The administrator who opened the account; null for the seed's. */
    createdByStaffId: uuid('created_by_staff_id'),
  },
  (t) => [
    index('staff_members_fin_idx').on(t.fin),
    check(
      'staff_members_body_chk',
      sql`(${t.role} = 'ADMIN') = (${t.localBodyCode} is null) and (${t.localBodyCode} is null) = (${t.localBodyName} is null)`,
    ),
    check(
      'staff_members_period_chk',
      sql`${t.activeTo} is null or ${t.activeTo} > ${t.activeFrom}`,
    ),
  ],
);
