import 'server-only';
import { getLocale } from 'next-intl/server';
import { requireEmployerAccess, runScoped, type EmployerScope } from '../access';
import { getDb } from '../db';
import { countUnreadMessages } from './count-unread-messages';
import { listMessages, type MessageBox, type MessageList } from './list-messages';
import { pageNumber } from './message-views';

/** What every page of the section needs: the guard's scope, the unread count, the locale. */
export async function loadMessagesFrame(): Promise<{
  scope: EmployerScope;
  unread: number;
  locale: 'az' | 'en';
}> {
  // The cabinet is the reports module (SPEC D1): the one guard, for REPORTS.
  const scope = await requireEmployerAccess('REPORTS');
  const db = await getDb();
  const unread = await runScoped(db, scope, 'countUnreadMessages', () =>
    countUnreadMessages(db, scope),
  );
  return { scope, unread, locale: (await getLocale()) === 'en' ? 'en' : 'az' };
}

/** The inbox or the sent list at the page the address asks for (anything odd is page 1). */
export async function loadMessageList(
  scope: EmployerScope,
  box: MessageBox,
  page: string | string[] | undefined,
): Promise<MessageList> {
  const db = await getDb();
  return runScoped(db, scope, 'listMessages', () =>
    listMessages(db, scope, { box, page: pageNumber(typeof page === 'string' ? page : 1) }),
  );
}
