import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format-date';
import type { MessageList as MessageListData } from '@/lib/server/messages/list-messages';

/** One page of the inbox or of the sent messages, newest first, with page links. */
export async function MessageList({
  list,
  baseHref,
  locale,
}: {
  list: MessageListData;
  baseHref: string;
  locale: string;
}) {
  const t = await getTranslations('correspondence');
  if (list.rows.length === 0)
    return (
      <p className="rounded-lg bg-surface p-4 shadow-sm" data-testid="messages-empty">
        {t('empty')}
      </p>
    );
  const status = (unread: boolean) =>
    list.box === 'inbox'
      ? unread
        ? t('unread')
        : t('read')
      : unread
        ? t('notReadByFund')
        : t('readByFund');
  return (
    <>
      <ul className="space-y-2" data-testid={`messages-list-${list.box}`}>
        {list.rows.map((row) => {
          const strong = list.box === 'inbox' && row.unread;
          return (
            <li
              key={row.id}
              className={`rounded-lg bg-surface p-3 shadow-sm ${strong ? 'border-l-4 border-brand-600' : ''}`}
              data-testid="message-row"
              data-unread={row.unread ? 'true' : 'false'}
            >
              <a
                href={`/cabinet/messages/${row.id}`}
                className={`block break-words ${strong ? 'font-bold' : ''}`}
              >
                {row.isReply ? `${t('reply')}: ` : ''}
                {row.subject}
              </a>
              <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-muted">
                <span>{formatDateTime(row.createdAt, locale)}</span>
                <span>{status(row.unread)}</span>
                {row.attachmentCount > 0 ? (
                  <span>
                    {t('files')}: {row.attachmentCount}
                  </span>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
      {list.pageCount > 1 ? (
        <nav aria-label={t('paging')} className="mt-4 flex flex-wrap items-center gap-4">
          {list.page > 1 ? (
            <a href={`${baseHref}?page=${list.page - 1}`} rel="prev">
              {t('previousPage')}
            </a>
          ) : null}
          <span>{t('page', { page: list.page, pageCount: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <a href={`${baseHref}?page=${list.page + 1}`} rel="next">
              {t('nextPage')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
