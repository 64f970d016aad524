import 'server-only';
import { sessionEmployerAccess } from '../access';
import { getDb } from '../db';
import type { Principal } from '../principal';
import { countUnreadMessages } from './count-unread-messages';

/**
 * The header's unread count for the signed-in person and chosen employer, or null when they
 * may not read the messages (no employer chosen, no REPORTS service): the header then shows
 * no link. Only for display — each messages page calls the guard itself; a refusal here is
 * not a request for anything, so it is not audited.
 */
export async function headerUnreadCount(principal: Principal): Promise<number | null> {
  const access = await sessionEmployerAccess(principal, 'REPORTS');
  return access?.ok ? countUnreadMessages(await getDb(), access.scope) : null;
}
