import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';

// "İsmarıclar" (SPEC E1, issue 13 §9): the employer's correspondence with the fund. A message is
// evidence of what was said, so messages, their attachments and their reads are append-only
// (migration trigger + no UPDATE/DELETE grant). Read state is its own insert-only table rather
// than a mutable read_at on the message: the message row then never changes at all, and the
// database itself refuses an edit of what was sent, with no column-by-column guard to keep.

export const MESSAGE_DIRECTIONS = ['EMPLOYER_TO_FUND', 'FUND_TO_EMPLOYER'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // Both drivers hand back a Buffer (a Uint8Array); a plain Uint8Array view keeps callers simple.
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** One message; a thread is its first message and every reply under it (thread_id). */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    /** The thread's first message (its own id for a new thread). */
    threadId: uuid('thread_id').notNull(),
    /** The message this one answers; null for the first message of a thread. */
    parentId: uuid('parent_id'),
    direction: text('direction', { enum: MESSAGE_DIRECTIONS }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The employer's person who wrote it (EMPLOYER_TO_FUND). */
    authorFin: text('author_fin'),
    /** The fund's staff member who wrote it (FUND_TO_EMPLOYER); staff accounts come later. */
    authorStaffId: text('author_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The target of the composite keys below: a thread, a parent, an attachment or a read
    // always belongs to the same employer as the message it names.
    unique('messages_employer_id_uq').on(t.employerId, t.id),
    foreignKey({
      name: 'messages_thread_fk',
      columns: [t.employerId, t.threadId],
      foreignColumns: [t.employerId, t.id],
    }),
    foreignKey({
      name: 'messages_parent_fk',
      columns: [t.employerId, t.parentId],
      foreignColumns: [t.employerId, t.id],
    }),
    index('messages_employer_direction_idx').on(t.employerId, t.direction, t.createdAt),
    index('messages_employer_thread_idx').on(t.employerId, t.threadId, t.createdAt),
    check(
      'messages_author_chk',
      sql`(${t.direction} = 'EMPLOYER_TO_FUND' and ${t.authorFin} is not null and ${t.authorStaffId} is null)
        or (${t.direction} = 'FUND_TO_EMPLOYER' and ${t.authorStaffId} is not null and ${t.authorFin} is null)`,
    ),
    check('messages_thread_chk', sql`(${t.parentId} is null) = (${t.threadId} = ${t.id})`),
    check(
      'messages_text_chk',
      sql`char_length(${t.subject}) between 1 and 200 and char_length(${t.body}) between 1 and 10000`,
    ),
  ],
);

/** A file sent with a message, kept in the database with its hash (PDF, PNG or JPEG). */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id').notNull(),
    messageId: uuid('message_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type', { enum: ATTACHMENT_MEDIA_TYPES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'message_attachments_message_fk',
      columns: [t.employerId, t.messageId],
      foreignColumns: [messages.employerId, messages.id],
    }),
    index('message_attachments_employer_message_idx').on(t.employerId, t.messageId),
    check(
      'message_attachments_media_type_chk',
      sql`${t.mediaType} in ('application/pdf','image/png','image/jpeg')`,
    ),
    check(
      'message_attachments_size_chk',
      sql`${t.sizeBytes} between 1 and 5242880 and ${t.sizeBytes} = octet_length(${t.content})`,
    ),
    check('message_attachments_sha256_chk', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('message_attachments_name_chk', sql`char_length(${t.fileName}) between 1 and 200`),
  ],
);

/**
 * That the receiving side read a message: one row, written once, when the reader first opens
 * its thread (the employer reads the fund's messages; the fund, later, the employer's).
 */
export const messageReads = pgTable(
  'message_reads',
  {
    employerId: uuid('employer_id').notNull(),
    messageId: uuid('message_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
    readerFin: text('reader_fin'),
    readerStaffId: text('reader_staff_id'),
  },
  (t) => [
    primaryKey({ name: 'message_reads_pk', columns: [t.employerId, t.messageId] }),
    foreignKey({
      name: 'message_reads_message_fk',
      columns: [t.employerId, t.messageId],
      foreignColumns: [messages.employerId, messages.id],
    }),
    check(
      'message_reads_reader_chk',
      sql`(${t.readerFin} is null) <> (${t.readerStaffId} is null)`,
    ),
  ],
);
