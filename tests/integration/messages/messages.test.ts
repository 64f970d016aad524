import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, messageAttachments, messages } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { resolveEmployerAccess, type EmployerScope, type StaffScope } from '@/lib/server/access';
import { AppError, isAppError } from '@/lib/server/errors';
import { countUnreadMessages } from '@/lib/server/messages/count-unread-messages';
import { answerMessage } from '@/lib/server/messages/fund/answer-message';
import { getEmployerThread } from '@/lib/server/messages/fund/get-employer-thread';
import { listEmployerThreads } from '@/lib/server/messages/fund/list-employer-threads';
import { getMessageAttachment } from '@/lib/server/messages/get-message-attachment';
import { getMessageThread } from '@/lib/server/messages/get-message-thread';
import { listMessages } from '@/lib/server/messages/list-messages';
import { sendMessage } from '@/lib/server/messages/send-message';
import { demoActor, ensureDemoCertificates } from '../helpers/identity-fixtures';
import { STAFF_KEYS, staffScopeOf } from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2026-11-25T10:00:00Z');
const XEZER = seedEmployer('xezer').id;
const KUR = seedEmployer('kur').id;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('messages with the fund (SPEC E1, issue 13 §9)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  /** The Nəsimi body's operator: Xəzər and Kür are of that body. */
  let STAFF: StaffScope;
  let tick = 0;
  const at = () => new Date(AS_OF.getTime() + ++tick * 1000);

  async function scopeOf(key: string, employerId: string) {
    const access = await resolveEmployerAccess(
      database.db,
      demoActor(key),
      employerId,
      'REPORTS',
      AS_OF,
    );
    if (!access.ok) throw new Error(access.reason);
    return access.scope;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await scopeOf('xezer-director', XEZER);
    kur = await scopeOf('kur-director', KUR);
    STAFF = await staffScopeOf(database.db, STAFF_KEYS.operator);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows the seeded fund messages in the inbox, two of them unread', async () => {
    const inbox = await listMessages(database.db, xezer, { box: 'inbox' });
    expect(inbox.total).toBe(3);
    expect(inbox.rows.map((r) => [r.unread, r.isReply, r.attachmentCount])).toEqual([
      [true, false, 0],
      [true, true, 1],
      [false, false, 0],
    ]);
    expect(await countUnreadMessages(database.db, xezer)).toBe(2);
    expect(await countUnreadMessages(database.db, kur)).toBe(0);
  });

  it('marks the fund messages of a thread read when it is opened, once', async () => {
    const inbox = await listMessages(database.db, xezer, { box: 'inbox' });
    const reminder = inbox.rows[0]!;
    const thread = await getMessageThread(database.db, xezer, { messageId: reminder.id }, at());
    expect(thread.messages.map((m) => m.readAt)).toEqual([null]);
    expect(await countUnreadMessages(database.db, xezer)).toBe(1);
    const again = await getMessageThread(database.db, xezer, { messageId: reminder.id }, at());
    expect(again.messages[0]!.readAt).not.toBeNull();
    expect(await countUnreadMessages(database.db, xezer)).toBe(1);
  });

  it('sends a message with a PDF: in "sent", in its own thread, audited, downloadable', async () => {
    const sent = await sendMessage(
      database.db,
      xezer,
      {
        subject: '  Arayış  ',
        body: 'Arayış əlavə olunur.',
        attachments: [{ fileName: 'arayis.pdf', declaredType: 'application/pdf', bytes: PDF }],
      },
      at(),
    );
    expect(sent.threadId).toBe(sent.messageId);
    const list = await listMessages(database.db, xezer, { box: 'sent' });
    expect(list.rows[0]).toMatchObject({
      id: sent.messageId,
      subject: 'Arayış',
      attachmentCount: 1,
    });
    const thread = await getMessageThread(database.db, xezer, { messageId: sent.messageId });
    const [file] = thread.messages[0]!.attachments;
    expect(file).toMatchObject({ fileName: 'arayis.pdf', mediaType: 'application/pdf' });
    const download = await getMessageAttachment(database.db, xezer, { attachmentId: file!.id });
    expect(Buffer.from(download.content).equals(Buffer.from(PDF))).toBe(true);
    expect(download.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'MESSAGE_SENT'), eq(auditLog.employerId, XEZER)));
    expect(audit).toMatchObject({ outcome: 'SUCCESS', actorFin: xezer.fin });
    expect(audit!.details).toMatchObject({
      messageId: sent.messageId,
      attachments: [download.sha256],
    });
  });

  it('keeps a reply under its message, with the thread’s subject; the fund’s answer too', async () => {
    const first = await sendMessage(
      database.db,
      xezer,
      { subject: 'Sual', body: 'Birinci', attachments: [] },
      at(),
    );
    const reply = await sendMessage(
      database.db,
      xezer,
      { subject: 'ignored', body: 'İkinci', parentId: first.messageId, attachments: [] },
      at(),
    );
    expect(reply.threadId).toBe(first.messageId);
    const answer = await answerMessage(
      database.db,
      STAFF,
      { employerId: XEZER, messageId: reply.messageId, body: 'Cavab', attachments: [] },
      at(),
    );
    expect(answer.threadId).toBe(first.messageId);
    const thread = await getMessageThread(database.db, xezer, { messageId: answer.messageId });
    expect(thread.messages.map((m) => [m.body, m.subject, m.parentId])).toEqual([
      ['Birinci', 'Sual', null],
      ['İkinci', 'Sual', first.messageId],
      ['Cavab', 'Sual', reply.messageId],
    ]);
    // The staff side lists the thread and marks the employer's messages read.
    const threads = await listEmployerThreads(database.db, STAFF, { employerId: XEZER });
    expect(threads.rows[0]).toMatchObject({
      threadId: first.messageId,
      messageCount: 3,
      unreadForFund: 2,
    });
    await getEmployerThread(database.db, STAFF, { employerId: XEZER, threadId: first.messageId });
    const after = await listEmployerThreads(database.db, STAFF, { employerId: XEZER });
    expect(after.rows[0]!.unreadForFund).toBe(0);
    const sent = await listMessages(database.db, xezer, { box: 'sent' });
    expect(sent.rows.find((r) => r.id === reply.messageId)).toMatchObject({
      isReply: true,
      unread: false,
    });
  });

  it('pages the lists 20 at a time, in SQL', async () => {
    for (let i = 0; i < 21; i += 1)
      await sendMessage(database.db, kur, { subject: `No ${i}`, body: 'x', attachments: [] }, at());
    const one = await listMessages(database.db, kur, { box: 'sent', page: 1 });
    const two = await listMessages(database.db, kur, { box: 'sent', page: 2 });
    expect([one.rows.length, two.rows.length, one.total, one.pageCount]).toEqual([20, 1, 21, 2]);
    expect(one.rows[0]!.subject).toBe('No 20');
    expect(two.rows[0]!.subject).toBe('No 0');
    expect((await listMessages(database.db, kur, { box: 'sent', page: 3 })).rows).toEqual([]);
  });

  it('answers NOT_FOUND for another employer’s message, thread or attachment', async () => {
    const [file] = await database.db
      .select({ id: messageAttachments.id })
      .from(messageAttachments)
      .where(eq(messageAttachments.employerId, XEZER));
    const [message] = await database.db
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.employerId, XEZER));
    const probes = [
      () => getMessageAttachment(database.db, kur, { attachmentId: file!.id }),
      () => getMessageThread(database.db, kur, { messageId: message!.id }),
      () =>
        sendMessage(database.db, kur, {
          subject: 's',
          body: 'b',
          parentId: message!.id,
          attachments: [],
        }),
      () => getMessageThread(database.db, kur, { messageId: 'not-an-id' }),
      () =>
        answerMessage(database.db, STAFF, {
          employerId: KUR,
          messageId: message!.id,
          body: 'b',
          attachments: [],
        }),
    ];
    for (const probe of probes) expect((await refusal(probe)).code).toBe('NOT_FOUND');
  });

  it('refuses bad text and files at their fields, and writes nothing', async () => {
    const count = async () =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(messages))[0]!.n;
    const before = await count();
    const cases: [Parameters<typeof sendMessage>[2], string, string][] = [
      [{ subject: ' ', body: 'b', attachments: [] }, 'subject', 'MESSAGE_SUBJECT_REQUIRED'],
      [{ subject: 's', body: 'a\u0000b', attachments: [] }, 'body', 'TEXT_CONTROL_CHARACTERS'],
      [{ subject: 's', body: 'x'.repeat(5_001), attachments: [] }, 'body', 'TEXT_TOO_LONG'],
      [
        {
          subject: 's',
          body: 'b',
          attachments: [
            {
              fileName: 'a.pdf',
              declaredType: 'application/pdf',
              bytes: new TextEncoder().encode('MZ not a pdf'),
            },
          ],
        },
        'attachments',
        'ATTACHMENT_TYPE',
      ],
      [
        {
          subject: 's',
          body: 'b',
          attachments: [{ fileName: 'picture.pdf', declaredType: 'application/pdf', bytes: PNG }],
        },
        'attachments',
        'ATTACHMENT_TYPE_MISMATCH',
      ],
      [
        {
          subject: 's',
          body: 'b',
          attachments: Array.from({ length: 6 }, () => ({
            fileName: 'a.pdf',
            declaredType: 'application/pdf',
            bytes: PDF,
          })),
        },
        'attachments',
        'ATTACHMENTS_TOO_MANY',
      ],
    ];
    for (const [input, field, code] of cases) {
      const error = await refusal(() => sendMessage(database.db, xezer, input, at()));
      expect([error.code, error.field]).toEqual([code, field]);
    }
    const both = await refusal(() =>
      sendMessage(database.db, xezer, { subject: '', body: '', attachments: [] }, at()),
    );
    expect(both.fieldErrors.map((e) => e.field)).toEqual(['subject', 'body']);
    expect(await count()).toBe(before);
  });
});

describe('messages, attachments and reads are append-only', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    // The owner: the triggers hold even for it (the app's role lacks the privileges too,
    // tests/security/database-role.test.ts).
    database = await createTestDatabase({ role: 'owner' });
    await seed(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each([
    sql`update messages set body = 'changed'`,
    sql`delete from messages`,
    sql`truncate messages cascade`,
    sql`update message_attachments set file_name = 'x.pdf'`,
    sql`delete from message_attachments`,
    sql`update message_reads set read_at = now()`,
    sql`delete from message_reads`,
    sql`truncate message_reads`,
  ])('refuses %#', async (statement) => {
    const error: unknown = await database.db.execute(statement).then(
      () => null,
      (e: unknown) => e,
    );
    const cause = (error as { cause?: { message?: string } } | null)?.cause?.message;
    expect(cause).toContain('APPEND_ONLY');
  });

  it('refuses a reply whose thread belongs to another employer', async () => {
    const [theirs] = await database.db
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.employerId, XEZER));
    const error: unknown = await database.db
      .insert(messages)
      .values({
        id: '00000000-0000-4000-8000-0000000000aa',
        employerId: KUR,
        threadId: theirs!.id,
        parentId: theirs!.id,
        direction: 'FUND_TO_EMPLOYER',
        subject: 's',
        body: 'b',
        authorStaffId: 'x',
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as { cause?: { message?: string } }).cause?.message).toMatch(/foreign key/);
  });
});
