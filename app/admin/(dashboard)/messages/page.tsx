import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { pageNumber } from '@/lib/server/messages/message-views';
import { INBOX_BOXES, inboxBox, listStaffInbox } from '@/lib/server/staff/employers/staff-inbox';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffMessages');
  return { title: t('title') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Issue 14 §7: the staff inbox, the threads employers of the body wrote in; unread first, paged.
 * Open (not handled since the employer last wrote), handled, or all; optionally one employer.
 */
export default async function StaffMessagesPage({ searchParams }: Props) {
  const staff = await requireStaff('REVIEWER');
  const params = await searchParams;
  const box = inboxBox(params.box);
  const employerId =
    typeof params.employer === 'string' && UUID.test(params.employer) ? params.employer : undefined;
  const page = pageNumber(typeof params.page === 'string' ? params.page : 1);
  const list = await loadInStaffScope(staff, 'listStaffInbox', (db) =>
    listStaffInbox(db, staff, { box, page, ...(employerId ? { employerId } : {}) }),
  );
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const t = await getTranslations('staffMessages');
  const ts = await getTranslations('staff');
  const href = (to: { box?: string; page?: number; employer?: string | null }) => {
    const q = new URLSearchParams();
    q.set('box', to.box ?? box);
    const employer = to.employer === undefined ? employerId : to.employer;
    if (employer) q.set('employer', employer);
    if (to.page && to.page > 1) q.set('page', String(to.page));
    return `/admin/messages?${q}`;
  };
  const employerName = employerId ? list.rows[0]?.employerName : undefined;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { body: staff.localBodyName ?? ts('centralOffice') })}</p>
      <nav aria-label={t('boxes')} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {INBOX_BOXES.map((b) => (
            <li key={b}>
              <Link
                href={href({ box: b, page: 1 })}
                aria-current={b === box ? 'page' : undefined}
                className={`inline-block rounded-md border-2 px-3 py-1 ${b === box ? 'border-brand-600 font-bold' : 'border-line'}`}
                data-testid={`inbox-box-${b}`}
              >
                {t(`box.${b}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {employerId ? (
        <p className="mt-3">
          {employerName ? (
            <span className="mr-3">{t('ofEmployer', { name: employerName })}</span>
          ) : null}
          <Link href={href({ employer: null, page: 1 })}>{t('allEmployers')}</Link>
        </p>
      ) : null}
      <div className="mt-4">
        {list.rows.length === 0 ? (
          <p className="rounded-lg bg-surface p-4 shadow-sm" data-testid="inbox-empty">
            {t('empty')}
          </p>
        ) : (
          <ScrollTable
            label={t('caption', { box: t(`box.${box}`), total: list.total })}
            columns={[
              { label: t('subject') },
              { label: t('employer') },
              { label: t('lastAt') },
              { label: t('count'), align: 'right' },
              { label: t('state') },
            ]}
            testId="staff-inbox"
          >
            {list.rows.map((row) => (
              <tr
                key={`${row.employerId}:${row.threadId}`}
                className={`border-b border-line ${row.unreadForFund > 0 ? 'font-bold' : ''}`}
                data-testid="inbox-row"
                data-unread={row.unreadForFund > 0 ? 'true' : 'false'}
              >
                <th scope="row" className="p-3 text-left font-[inherit]">
                  <Link
                    href={`/admin/messages/${row.employerId}/${row.threadId}`}
                    className="break-words"
                  >
                    {row.subject}
                  </Link>
                </th>
                <td className="p-3 break-words">{row.employerName}</td>
                <td className="p-3">{formatDateTime(row.lastAt, locale)}</td>
                <td className="p-3 text-right">{row.messageCount}</td>
                <td className="p-3">
                  {row.unreadForFund > 0
                    ? t('unread', { count: row.unreadForFund })
                    : row.handled
                      ? t('handled')
                      : t('read')}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          previousHref={list.page > 1 ? href({ page: list.page - 1 }) : null}
          nextHref={list.page < list.pageCount ? href({ page: list.page + 1 }) : null}
        />
      </div>
    </div>
  );
}
