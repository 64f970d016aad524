import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DecisionForms } from '@/components/admin/debts/debt-forms';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { getDebtAction } from '@/lib/server/staff/debts/list-debt-actions';
import { approveWriteOffAction, rejectWriteOffAction } from '../actions';

type Props = {
  params: Promise<{ actionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DONE = ['posted', 'pending', 'approved', 'rejected'] as const;

export async function generateMetadata() {
  const t = await getTranslations('staffDebts');
  return { title: t('title') };
}

/**
 * One fine or write-off (issue 14 §6): what was recorded, by whom, its status and decision. The
 * head of the body (or an administrator) who did not ask for it approves or rejects a pending
 * write-off here; the requester is not offered the buttons (and the action refuses them).
 */
export default async function DebtActionPage({ params, searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const { actionId } = await params;
  const t = await getTranslations('staffDebts');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const row = await loadInStaffScope(staff, 'getDebtAction', (db) =>
    getDebtAction(db, staff, actionId),
  );
  const doneText = (await searchParams).done;
  const done = DONE.find((d) => d === doneText) ?? null;
  const period =
    row.periodFrom && row.periodTo
      ? row.periodFrom === row.periodTo
        ? row.periodFrom
        : `${row.periodFrom} – ${row.periodTo}`
      : null;
  const facts: [string, string | null][] = [
    [t('field.employer'), row.employerName],
    [t('field.activityCode'), row.activityCode],
    [t('field.category'), t(`category.${row.category}`)],
    [t('field.amount'), formatAmount(row.amountQepik, locale)],
    [t('field.date'), formatDate(row.actionDate, locale)],
    [t('field.period'), period],
    [t('field.basis'), row.basis],
    [t('field.status'), t(`status.${row.status}`)],
    [t('field.requestedBy'), row.requestedByName],
    [t('field.requestedAt'), formatDateTime(row.requestedAt, locale)],
    [t('field.decidedBy'), row.decidedByName],
    [t('field.decidedAt'), row.decidedAt ? formatDateTime(row.decidedAt, locale) : null],
    [t('field.reason'), row.decisionReason],
    [t('field.ledgerEntry'), row.ledgerEntryId === null ? null : `#${row.ledgerEntryId}`],
  ];
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href="/admin/debts">{t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">
        {t('detailTitle', { kind: t(`kind.${row.kind}`), employer: row.employerName })}
      </h1>
      {done ? (
        <p
          role="status"
          className="mt-4 rounded-md border-2 border-success bg-success-50 p-3 font-semibold"
          data-testid="debts-done"
        >
          {t(`done.${done}`)}
        </p>
      ) : null}
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        {facts
          .filter((f): f is [string, string] => f[1] !== null)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd data-testid={`debts-fact-${label}`}>{value}</dd>
            </div>
          ))}
      </dl>
      {row.status === 'PENDING' ? (
        <section className="mt-8" aria-labelledby="decision-title">
          <h2 id="decision-title" className="text-lg font-semibold">
            {t('decisionTitle')}
          </h2>
          {row.canDecide ? (
            <DecisionForms
              actionId={row.id}
              approve={approveWriteOffAction}
              reject={rejectWriteOffAction}
            />
          ) : (
            <p className="mt-2" data-testid="debts-awaiting">
              {row.ownRequest ? t('ownRequest') : t('awaitingHead')}
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
