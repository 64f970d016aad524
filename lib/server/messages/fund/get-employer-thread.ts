import 'server-only';
import { messageReads } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffEmployer, type StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { loadThreadMessages, type ThreadView } from '../message-views';

/**
 * The fund's side: a thread of an employer, as the staff dashboard opens it; the employer's
 * messages in it are marked read by this staff member (insert-only, first opening wins).
 * NOT_FOUND for an employer of another local body.
 */
export async function getEmployerThread(
  db: DbOrTx,
  staff: StaffScope,
  input: { employerId: string; threadId: string },
  asOf: Date = now(),
): Promise<ThreadView> {
  if (!isUuid(input.employerId) || !isUuid(input.threadId)) throw new AppError('NOT_FOUND');
  await staffEmployer(db, staff, input.employerId);
  const thread = await loadThreadMessages(db, input.employerId, input.threadId);
  if (!thread) throw new AppError('NOT_FOUND');
  const unread = thread.messages.filter((m) => !m.fromFund && m.readAt === null);
  if (unread.length > 0)
    await db
      .insert(messageReads)
      .values(
        unread.map((m) => ({
          employerId: input.employerId,
          messageId: m.id,
          readAt: asOf,
          readerStaffId: staff.staffId,
        })),
      )
      .onConflictDoNothing();
  return thread;
}
