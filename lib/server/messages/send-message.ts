import 'server-only';
import { and, eq } from 'drizzle-orm';
import { messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';
import { checkNewMessage, insertMessage, type NewAttachment } from './message-writing';

export type SendMessageInput = {
  subject: string;
  body: string;
  /** The message this one answers (of the same employer); absent for a new thread. */
  parentId?: string;
  attachments: readonly NewAttachment[];
};

/**
 * The employer writes to the fund (SPEC E1): a new thread, or a reply under any message of one
 * of its threads (a reply takes its thread's subject). Another employer's or an unknown parent
 * id is NOT_FOUND; bad text or files are refused at their fields before anything is written.
 * The message, its files and the audit entry commit together.
 */
export async function sendMessage(
  db: DbOrTx,
  scope: EmployerScope,
  input: SendMessageInput,
  asOf: Date = now(),
): Promise<{ messageId: string; threadId: string }> {
  assertScopeService(scope, 'REPORTS');
  assertNotStaffView(scope);
  let thread: { threadId: string; parentId: string; subject: string } | null = null;
  if (input.parentId !== undefined) {
    if (!isUuid(input.parentId)) throw new AppError('NOT_FOUND');
    const [parent] = await db
      .select({ threadId: messages.threadId })
      .from(messages)
      .where(and(eq(messages.id, input.parentId), eq(messages.employerId, scope.employerId)));
    if (!parent) throw new AppError('NOT_FOUND');
    const [root] = await db
      .select({ subject: messages.subject })
      .from(messages)
      .where(and(eq(messages.id, parent.threadId), eq(messages.employerId, scope.employerId)));
    thread = { threadId: parent.threadId, parentId: input.parentId, subject: root!.subject };
  }
  const checked = checkNewMessage({
    subject: thread?.subject ?? input.subject,
    body: input.body,
    attachments: input.attachments,
  });
  return db.transaction(async (tx) => {
    const written = await insertMessage(tx, {
      ...checked,
      employerId: scope.employerId,
      direction: 'EMPLOYER_TO_FUND',
      thread,
      authorFin: scope.fin,
      authorStaffId: null,
      createdAt: asOf,
    });
    await writeAudit(tx, {
      action: 'MESSAGE_SENT',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        messageId: written.messageId,
        threadId: written.threadId,
        parentId: thread?.parentId ?? null,
        via: scope.via,
        attachments: written.attachments.map((a) => a.sha256),
      },
    });
    return { messageId: written.messageId, threadId: written.threadId };
  });
}
