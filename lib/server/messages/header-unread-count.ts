import 'server-only';
import { resolveEmployerAccess } from '../access';
import { now } from '../clock';
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
  if (principal.employerId === null) return null;
  const db = await getDb();
  const access = await resolveEmployerAccess(db, principal, principal.employerId, 'REPORTS', now());
  return access.ok ? countUnreadMessages(db, access.scope) : null;
}
