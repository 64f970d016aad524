import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AsanLogin } from '@/components/login/asan-login';
import { EsignLogin } from '@/components/login/esign-login';
import { formatDate } from '@/lib/i18n/format-date';
import { getDb } from '@/lib/server/db';
import { listCardCertificates } from '@/lib/server/simulators/list-card-certificates';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import {
  answerWithCardAction,
  cancelLoginAction,
  finishAsanLoginAction,
  finishEsignLoginAction,
  startAsanLoginAction,
  startEsignLoginAction,
} from './actions';

export async function generateMetadata() {
  const t = await getTranslations('login');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ method?: string }> };

/** SPEC A1: the two ways in; the chosen one opens below. */
export default async function LoginPage({ searchParams }: Props) {
  const t = await getTranslations('login');
  const { method } = await searchParams;
  const locale = await getLocale();
  const simulators = simulatorsEnabled();
  const certificates =
    simulators && method === 'esign' ? await listCardCertificates(await getDb()) : [];
  const tab = (key: 'esign' | 'asan') =>
    `block rounded-md border-2 px-4 py-3 text-center font-semibold no-underline ${method === key ? 'border-brand-700 bg-brand-700 text-white hover:text-white' : 'border-brand-600'}`;
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <nav aria-label={t('title')} className="mt-6 grid gap-3 sm:grid-cols-2">
        <Link
          href="/login?method=esign"
          className={tab('esign')}
          aria-current={method === 'esign' ? 'page' : undefined}
        >
          {t('esign')}
        </Link>
        <Link
          href="/login?method=asan"
          className={tab('asan')}
          aria-current={method === 'asan' ? 'page' : undefined}
        >
          {t('asan')}
        </Link>
      </nav>
      <section className="mt-8 rounded-lg bg-surface p-6 shadow-sm">
        {!simulators ? <p className="mb-4 text-warning">{t('simulatorsOff')}</p> : null}
        {method === 'esign' ? (
          <>
            <h2 className="mb-4 text-xl font-semibold">{t('esign')}</h2>
            <EsignLogin
              certificates={certificates.map((c) => ({
                serial: c.serial,
                holder: `${c.surname} ${c.name} ${c.patronymic}`,
                cardNumber: c.cardNumber,
                validTo: formatDate(c.notAfter, locale),
              }))}
              start={startEsignLoginAction}
              answer={answerWithCardAction}
              finish={finishEsignLoginAction}
            />
          </>
        ) : method === 'asan' ? (
          <>
            <h2 className="mb-4 text-xl font-semibold">{t('asan')}</h2>
            <AsanLogin
              simulatorsOn={simulators}
              start={startAsanLoginAction}
              finish={finishAsanLoginAction}
              cancel={cancelLoginAction}
            />
          </>
        ) : (
          <p>{t('intro')}</p>
        )}
      </section>
    </div>
  );
}
