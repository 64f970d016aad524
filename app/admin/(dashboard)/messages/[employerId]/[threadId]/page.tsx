import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MessageForm } from '@/components/messages/message-form';
import { ThreadView } from '@/components/messages/thread-view';
import { HandledForm } from '@/components/staff-messages/handled-form';
import { formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { hasLineControlCharacters } from '@/lib/server/control-characters';
import { openStaffThread } from '@/lib/server/staff/employers/staff-thread';
import { answerMessageAction, markThreadHandledAction } from '../../actions';

type Props = {
  params: Promise<{ employerId: string; threadId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('staffMessages');
  return { title: `${t('thread')} — ${t('title')}` };
}

/**
 * Issue 14 §7: an employer's thread as the fund reads it (opening it marks the employer's
 * messages read by this staff member), the answer form (the employer side's own, with files)
 * and "mark handled". Another body's employer or thread is the not-found page (audited).
 */
export default async function StaffThreadPage({ params, searchParams }: Props) {
  const staff = await requireStaff('REVIEWER');
  const { employerId, threadId } = await params;
  if (hasLineControlCharacters([employerId, threadId])) notFound();
  const view = await loadInStaffScope(staff, 'openStaffThread', (db) =>
    openStaffThread(db, staff, { employerId, threadId }),
  );
  const query = await searchParams;
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const t = await getTranslations('staffMessages');
  const { thread, employer, handled } = view;
  const last = thread.messages[thread.messages.length - 1]!;
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link href="/admin/messages">{t('back')}</Link>
        {' · '}
        <Link href={`/admin/employers/${employer.employerId}`}>{t('employerPage')}</Link>
      </p>
      {query.sent === '1' ? (
        <p
          role="status"
          className="my-4 rounded-md border-l-4 border-success bg-success-50 p-3"
          data-testid="answer-sent-flash"
        >
          {t('sentFlash')}
        </p>
      ) : null}
      {query.handled === '1' ? (
        <p
          role="status"
          className="my-4 rounded-md border-l-4 border-success bg-success-50 p-3"
          data-testid="handled-flash"
        >
          {t('handledFlash')}
        </p>
      ) : null}
      <h1 className="mt-2 break-words text-2xl font-bold" data-testid="thread-subject">
        {thread.subject}
      </h1>
      <p className="mt-1 break-words text-muted">
        {employer.name} · {employer.voen}
      </p>
      <ThreadView
        messages={thread.messages}
        label={t('thread')}
        fromLine={(m) =>
          t('from', {
            who: m.fromFund ? t('fromFund') : t('fromEmployer'),
            date: formatDateTime(m.createdAt, locale),
          })
        }
        attachmentHref={(id) => `/admin/messages/${employer.employerId}/attachments/${id}`}
        attachmentsHeading="h2"
      />
      {handled ? (
        <p className="mt-4 font-semibold" data-testid="thread-handled">
          {t('handledAt', { date: formatDateTime(handled.at, locale) })}
        </p>
      ) : (
        <HandledForm mark={markThreadHandledAction.bind(null, employer.employerId, threadId)} />
      )}
      <section
        className="mt-6 rounded-lg bg-surface p-4 shadow-sm sm:p-6"
        aria-labelledby="answer-title"
      >
        <h2 id="answer-title" className="text-xl font-semibold">
          {t('answerTitle')}
        </h2>
        <p className="text-sm text-muted">{t('answerHint')}</p>
        <MessageForm
          send={answerMessageAction.bind(null, employer.employerId)}
          parentId={last.id}
          idPrefix="answer"
        />
      </section>
    </div>
  );
}
