import { foreignKey, index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { messages } from './messages';
import { staffMembers } from './staff';

// The fund staff's side of the correspondence (issue 14 §7): that a staff member marked an
// employer's thread handled. Append-only like the messages themselves (migration trigger + no
// UPDATE/DELETE grant): a thread is handled while its latest mark is newer than the employer's
// latest message in it, so a new message from the employer brings it back to the open inbox.

export const messageHandled = pgTable(
  'message_handled',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id').notNull(),
    /** The thread's first message. */
    threadId: uuid('thread_id').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'message_handled_thread_fk',
      columns: [t.employerId, t.threadId],
      foreignColumns: [messages.employerId, messages.id],
    }),
    index('message_handled_thread_idx').on(t.employerId, t.threadId, t.handledAt),
  ],
);
