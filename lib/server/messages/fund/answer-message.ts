import 'server-only';
import { and, eq } from 'drizzle-orm';
import { messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { StaffScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { checkNewMessage, insertMessage, type NewAttachment } from '../message-writing';

/**
 * The fund answers a message of an employer (staff dashboard): the reply goes under it, in its
 * thread, with the thread's subject, to the same employer. Same rules for text and files as the
 * employer's; audited as the staff member's.
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
    await writeAudit(tx, {
      action: 'MESSAGE_ANSWERED',
      outcome: 'SUCCESS',
      actorRole: 'STAFF',
      employerId: input.employerId,
      details: {
        staffId: staff.staffId,
        staffRole: staff.role,
        messageId: written.messageId,
        threadId: written.threadId,
        parentId: input.messageId,
        attachments: written.attachments.map((a) => a.sha256),
      },
    });
    return { messageId: written.messageId, threadId: written.threadId };
  });
}
