import 'server-only';
import { and, eq } from 'drizzle-orm';
import { messageReads, messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';
import { loadThreadMessages, type ThreadView } from './message-views';

/**
 * The thread of one of the employer's messages (any message of it names it), oldest first. The
 * fund's messages in it are marked read by this reader: one insert-only row each, the first
 * opening wins (a second one, or a concurrent one, changes nothing). What the page shows keeps
 * them as unread for this once, so the reader sees which were new. Another employer's or an
 * unknown id is NOT_FOUND.
 */
export async function getMessageThread(
  db: DbOrTx,
  scope: EmployerScope,
  input: { messageId: string },
  asOf: Date = now(),
): Promise<ThreadView> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.messageId)) throw new AppError('NOT_FOUND');
  const [message] = await db
    .select({ threadId: messages.threadId })
    .from(messages)
    .where(and(eq(messages.id, input.messageId), eq(messages.employerId, scope.employerId)));
  if (!message) throw new AppError('NOT_FOUND');
  const thread = await loadThreadMessages(db, scope.employerId, message.threadId);
  if (!thread) throw new AppError('NOT_FOUND');
  const unread = thread.messages.filter((m) => m.fromFund && m.readAt === null);
  if (unread.length > 0)
    await db
      .insert(messageReads)
      .values(
        unread.map((m) => ({
          employerId: scope.employerId,
          messageId: m.id,
          readAt: asOf,
          readerFin: scope.fin,
        })),
      )
      .onConflictDoNothing();
  return thread;
}
