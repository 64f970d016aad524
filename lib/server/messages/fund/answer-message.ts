import 'server-only';
import { and, eq } from 'drizzle-orm';
import { messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffEmployer, writeStaffAudit, type StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { checkNewMessage, insertMessage, type NewAttachment } from '../message-writing';

/**
 * The fund answers a message of an employer (staff dashboard): the reply goes under it, in its
 * thread, with the thread's subject, to the same employer. Same rules for text and files as the
 * employer's; audited as the staff member's. NOT_FOUND for an employer of another local body.
 */
export async function answerMessage(
  db: DbOrTx,
  staff: StaffScope,
  input: {
    employerId: string;
    messageId: string;
    body: string;
    attachments: readonly NewAttachment[];
  },
  asOf: Date = now(),
): Promise<{ messageId: string; threadId: string }> {
  if (!isUuid(input.employerId) || !isUuid(input.messageId)) throw new AppError('NOT_FOUND');
  // Only an employer of the staff member's local body (any, for central staff).
  await staffEmployer(db, staff, input.employerId);
  const [parent] = await db
    .select({ threadId: messages.threadId })
    .from(messages)
    .where(and(eq(messages.id, input.messageId), eq(messages.employerId, input.employerId)));
  if (!parent) throw new AppError('NOT_FOUND');
  const [root] = await db
    .select({ subject: messages.subject })
    .from(messages)
    .where(and(eq(messages.id, parent.threadId), eq(messages.employerId, input.employerId)));
  const checked = checkNewMessage({
    subject: root!.subject,
    body: input.body,
    attachments: input.attachments,
  });
  return db.transaction(async (tx) => {
    const written = await insertMessage(tx, {
      ...checked,
      employerId: input.employerId,
      direction: 'FUND_TO_EMPLOYER',
      thread: { threadId: parent.threadId, parentId: input.messageId },
      authorFin: null,
      authorStaffId: staff.staffId,
      createdAt: asOf,
    });
    await writeStaffAudit(tx, staff, {
      action: 'MESSAGE_ANSWERED',
      employerId: input.employerId,
      details: {
        messageId: written.messageId,
        threadId: written.threadId,
        parentId: input.messageId,
        attachments: written.attachments.map((a) => a.sha256),
      },
    });
    return { messageId: written.messageId, threadId: written.threadId };
  });
}
