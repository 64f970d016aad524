import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { signingSessions } from './identity';
import { reports } from './reports';

export const JOB_KINDS = ['IMPORT_PERSONS', 'SEND_REPORT'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ['RUNNING', 'DONE', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Rows read, checked and saved so far (an import), or the current stage's items (a send). */
export type JobCounts = { read: number; checked: number; saved: number };

/**
 * Long work of an employer (issue 15 §6): a persons import or the sending of a report. Written
 * in short transactions of its own as the work goes, never inside the work's transaction, so a
 * second request or another instance sees where it is, and a closed tab loses nothing.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: JOB_KINDS }).notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('RUNNING'),
    /** Where the work is: an import READ → CHECK → SAVE; a send CHECKS → SIGNATURE → RECEIVED → AUTOMATIC_CHECKS → POSTING. */
    stage: text('stage').notNull(),
    counts: jsonb('counts')
      .$type<JobCounts>()
      .notNull()
      .default(sql`'{"read":0,"checked":0,"saved":0}'::jsonb`),
    /** Items the work has in all, once known (rows of the file, persons of the report). */
    total: integer('total'),
    /**
     * A send's signature, from SIGNATURE on: a cancelled or expired signing ends this job, and
     * the completion of this signature reports on this job, not on another tab's send.
     */
    signingSessionId: uuid('signing_session_id').references(() => signingSessions.id, {
      onDelete: 'set null',
    }),
    /** An AppError code when FAILED. */
    errorCode: text('error_code'),
    /** What a finished job answers (e.g. rows inserted and deleted), small. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_employer_report_idx').on(t.employerId, t.reportId, t.kind, t.startedAt),
    check('jobs_finished', sql`(${t.status} = 'RUNNING') = (${t.finishedAt} is null)`),
  ],
);
