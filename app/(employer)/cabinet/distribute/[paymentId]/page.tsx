import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DistributionForm } from '@/components/distribution/distribution-form';
import { cabinetHref, parseCabinetQuery } from '@/lib/cabinet/query';
import { formatAmount, formatAmountInput } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';
import { loadInScope, requireEmployerAccess, subEmployerScope } from '@/lib/server/access';
import { loadDistributionForm } from '@/lib/server/cabinet/distribution/load-distribution-form';
import { now, todayInBaku } from '@/lib/server/clock';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { answerCardAction } from '../../../reports/sending/report-actions';
import {
  cancelDistributionAction,
  completeDistributionAction,
  startDistributionAction,
} from '../actions';

type Props = {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('distribution');
  return { title: t('title') };
}

/**
 * Distributing one payment (SPEC E3–E5, issue 13 §6–§8): the payment, the manual's two choices
 * (as links, so the choice works without JavaScript), and the form whose "Təsdiqlə" signs it.
 * The payment is loaded through the scope (of a sub-employer only from above): another
 * employer's id is the not-found page and an audit row.
 */
export default async function DistributePage({ params, searchParams }: Props) {
  const { paymentId } = await params;
  const search = await searchParams;
  const scope = await requireEmployerAccess('REPORTS');
  const { query } = parseCabinetQuery(search, todayInBaku(now()));
  const wanted = search.kind === 'SUB_EMPLOYER' ? 'SUB_EMPLOYER' : 'CLASSIFICATION';
  const form = await loadInScope(scope, 'cabinet:distribute', async (db) => {
    const acting = query.sub ? await subEmployerScope(db, scope, query.sub) : scope;
    return loadDistributionForm(db, acting, paymentId, wanted);
  });
  const t = await getTranslations('distribution');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const { payment } = form;
  const paymentsHref = cabinetHref('payments', query);
  const kindHref = (kind: string) =>
    `/cabinet/distribute/${payment.id}${cabinetHref('', query, { kind }).slice('/cabinet/'.length)}`;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm print:hidden">
        <Link href={paymentsHref}>← {t('backToPayments')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <dl
        className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg bg-surface p-4 shadow-sm sm:grid-cols-[auto_1fr]"
        data-testid="distribution-payment"
      >
        <dt className="text-muted">{t('bankReference')}</dt>
        <dd>{payment.bankReference}</dd>
        <dt className="text-muted">{t('paymentDate')}</dt>
        <dd>{formatDate(payment.paymentDate, locale)}</dd>
        <dt className="text-muted">{t('classCode')}</dt>
        <dd>{payment.economicClassCode}</dd>
        <dt className="text-muted">{t('amount')}</dt>
        <dd>{formatAmount(payment.amountQepik, locale)}</dd>
        <dt className="text-muted">{t('remainder')}</dt>
        <dd data-testid="distribution-remainder">{formatAmount(payment.remainderQepik, locale)}</dd>
      </dl>
      <nav aria-label={t('kindLegend')} className="mt-6">
        <p className="font-semibold">{t('kindLegend')}</p>
        <ul className="mt-2 flex flex-wrap gap-3">
          {form.kinds.map(({ kind, available }) => (
            <li key={kind}>
              {kind === form.kind ? (
                <span
                  aria-current="page"
                  className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 bg-brand-50 px-3 font-semibold"
                >
                  {t(`kind${kind}`)}
                </span>
              ) : available ? (
                <Link
                  href={kindHref(kind)}
                  className="inline-flex min-h-11 items-center rounded-md border-2 border-line px-3"
                  data-testid={`kind-${kind}`}
                >
                  {t(`kind${kind}`)}
                </Link>
              ) : (
                <span className="inline-flex min-h-11 items-center px-3 text-muted">
                  {t(`kind${kind}`)} — {t('noSubEmployers')}
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6 rounded-lg bg-surface p-4 shadow-sm sm:p-6">
        {payment.remainderQepik <= 0 ? (
          <p data-testid="distribution-nothing-left">{t('nothingLeft')}</p>
        ) : (
          <DistributionForm
            key={form.kind}
            paymentId={payment.id}
            sub={query.sub}
            kind={form.kind}
            reference={payment.bankReference}
            defaultAmount={formatAmountInput(payment.remainderQepik, locale)}
            targets={form.targets.map((x) => ({
              target: x.target,
              label: x.label,
              detail: x.detail[locale],
              proposed: x.proposedQepik > 0 ? formatAmountInput(x.proposedQepik, locale) : '',
            }))}
            locale={locale}
            simulatorsOn={simulatorsEnabled()}
            paymentsHref={paymentsHref}
            actions={{
              start: startDistributionAction,
              answerCard: answerCardAction,
              complete: completeDistributionAction,
              cancel: cancelDistributionAction,
            }}
          />
        )}
      </div>
    </div>
  );
}
