import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const AUDIT_OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who did what, for which employer, when, and how it ended. Append-only (trigger, migration 0001). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorFin: text('actor_fin'),
    actorRole: text('actor_role', {
      enum: ['EMPLOYER_USER', 'STAFF', 'SYSTEM', 'ANONYMOUS'],
    }).notNull(),
    action: text('action').notNull(),
    employerId: uuid('employer_id'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    ip: text('ip'),
  },
  (t) => [
    index('audit_employer_at_idx').on(t.employerId, t.at),
    index('audit_actor_at_idx').on(t.actorFin, t.at),
    // The audit log viewer (issue 14 §12): by action, newest first, and by date.
    index('audit_action_id_idx').on(t.action, t.id),
    index('audit_at_idx').on(t.at),
    check('audit_outcome_chk', sql`${t.outcome} in ('SUCCESS','FAILURE','DENIED')`),
  ],
);
