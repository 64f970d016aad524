import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SESSION_END_REASONS, SESSION_KINDS } from '../../lib/domain/session-policy';
import { employers } from './employers';
import { certificates, SIGNING_METHODS } from './identity';

/**
 * Signed-in sessions (issue 12 §1). The session cookie carries only this row's id; the guard
 * loads the row on every request, so signing out, the idle timeout, the absolute lifetime and a
 * revoked authority end a session on the server, whatever copy of the cookie is still around.
 * The employer chosen lives here, written only by the employer choice. Rows are kept when they
 * end (ended_at + end_reason), so the audit trail can name them.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    fin: text('fin').notNull(),
    /** Who the login proved, as the population registry named them then (the header shows it). */
    surname: text('surname').notNull(),
    name: text('name').notNull(),
    patronymic: text('patronymic').notNull(),
    /** The certificate and method of the login; staff sessions (a later issue) may have none. */
    certificateSerial: text('certificate_serial').references(() => certificates.serial),
    method: text('method', { enum: SIGNING_METHODS }),
    employerId: uuid('employer_id').references(() => employers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason', { enum: SESSION_END_REASONS }),
  },
  (t) => [
    // Sign out everywhere and a revoked authority look up a person's live sessions.
    index('user_sessions_live_fin_idx')
      .on(t.fin, t.employerId)
      .where(sql`${t.endedAt} is null`),
    check(
      'user_sessions_employer_login_chk',
      sql`${t.kind} <> 'EMPLOYER' or (${t.certificateSerial} is not null and ${t.method} is not null)`,
    ),
    check('user_sessions_end_chk', sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
  ],
);
