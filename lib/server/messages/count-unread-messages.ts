import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { messageReads, messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';

/** How many of the fund's messages the employer has not opened yet (the header's badge). */
export async function countUnreadMessages(db: DbOrTx, scope: EmployerScope): Promise<number> {
  assertScopeService(scope, 'REPORTS');
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .leftJoin(
      messageReads,
      and(
        eq(messageReads.employerId, messages.employerId),
        eq(messageReads.messageId, messages.id),
      ),
    )
    .where(
      and(
        eq(messages.employerId, scope.employerId),
        eq(messages.direction, 'FUND_TO_EMPLOYER'),
        isNull(messageReads.messageId),
      ),
    );
  return row?.n ?? 0;
}
