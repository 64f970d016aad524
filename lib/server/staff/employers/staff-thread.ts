import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { messageHandled, messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffEmployer, writeStaffAudit, type StaffEmployer, type StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { getEmployerThread } from '../../messages/fund/get-employer-thread';
import type { ThreadView } from '../../messages/message-views';
import { isUuid } from '../../uuid';

export type StaffThreadView = {
  employer: StaffEmployer;
  thread: ThreadView;
  /** The latest "handled" mark, if it is newer than the employer's latest message. */
  handled: { at: Date; staffId: string } | null;
};

/** The latest mark of a thread and whether the employer wrote since. */
async function handledState(
  db: DbOrTx,
  employerId: string,
  threadId: string,
): Promise<StaffThreadView['handled']> {
  const [mark] = await db
    .select({ at: messageHandled.handledAt, staffId: messageHandled.staffId })
    .from(messageHandled)
    .where(and(eq(messageHandled.employerId, employerId), eq(messageHandled.threadId, threadId)))
    .orderBy(desc(messageHandled.handledAt))
    .limit(1);
  if (!mark) return null;
  const [latest] = await db
    .select({ at: sql<Date | null>`max(${messages.createdAt})` })
    .from(messages)
    .where(
      and(
        eq(messages.employerId, employerId),
        eq(messages.threadId, threadId),
        eq(messages.direction, 'EMPLOYER_TO_FUND'),
      ),
    );
  const employerAt = latest?.at ? new Date(latest.at) : null;
  return employerAt && employerAt > new Date(mark.at)
    ? null
    : { at: new Date(mark.at), staffId: mark.staffId };
}

/**
 * A thread as the staff dashboard opens it (issue 14 §7): its employer (NOT_FOUND outside the
 * staff member's body), its messages (the employer's marked read by this staff member) and
 * whether it is handled.
 */
export async function openStaffThread(
  db: DbOrTx,
  staff: StaffScope,
  input: { employerId: string; threadId: string },
  asOf: Date = now(),
): Promise<StaffThreadView> {
  const employer = await staffEmployer(db, staff, input.employerId);
  const thread = await getEmployerThread(db, staff, input, asOf);
  return { employer, thread, handled: await handledState(db, input.employerId, input.threadId) };
}

/**
 * "Baxılıb" (issue 14 §7): marks an employer's thread handled, so it leaves the open inbox (it
 * stays in the handled list and in the employer's threads). An insert-only record, audited in
 * the same transaction. Refused when it is handled already and the employer has not written since.
 */
export async function markThreadHandled(
  db: DbOrTx,
  staff: StaffScope,
  input: { employerId: string; threadId: string },
  asOf: Date = now(),
): Promise<{ handledAt: Date }> {
  if (!isUuid(input.employerId) || !isUuid(input.threadId)) throw new AppError('NOT_FOUND');
  await staffEmployer(db, staff, input.employerId);
  const [root] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.employerId, input.employerId),
        eq(messages.id, input.threadId),
        eq(messages.threadId, input.threadId),
      ),
    );
  if (!root) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    if (await handledState(tx, input.employerId, input.threadId)) {
      throw new AppError('STAFF_THREAD_ALREADY_HANDLED');
    }
    await tx.insert(messageHandled).values({
      id: randomUUID(),
      employerId: input.employerId,
      threadId: input.threadId,
      staffId: staff.staffId,
      handledAt: asOf,
    });
    await writeStaffAudit(tx, staff, {
      action: 'MESSAGE_THREAD_HANDLED',
      employerId: input.employerId,
      details: { threadId: input.threadId },
    });
    return { handledAt: asOf };
  });
}
