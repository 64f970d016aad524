import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format-date';
import { getDb } from '@/lib/server/db';
import { listCardCertificates } from '@/lib/server/simulators/list-card-certificates';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { AsanLogin } from '@/components/login/asan-login';
import { EsignLogin } from '@/components/login/esign-login';

type Actions = {
  startEsign: Parameters<typeof EsignLogin>[0]['start'];
  answer: Parameters<typeof EsignLogin>[0]['answer'];
  finishEsign: Parameters<typeof EsignLogin>[0]['finish'];
  startAsan: Parameters<typeof AsanLogin>[0]['start'];
  finishAsan: Parameters<typeof AsanLogin>[0]['finish'];
  cancel: Parameters<typeof AsanLogin>[0]['cancel'];
};

type Props = {
  /** The login page's own address: the employers' /login or the staff dashboard's /admin/login. */
  basePath: string;
  method: string | undefined;
  title: string;
  intro: string;
  actions: Actions;
};

/** SPEC A1: the two ways in (card, Asan İmza); the chosen one opens below. Both login pages. */
export async function LoginPanel({ basePath, method, title, intro, actions }: Props) {
  const t = await getTranslations('login');
  const locale = await getLocale();
  const simulators = simulatorsEnabled();
  const certificates =
    simulators && method === 'esign' ? await listCardCertificates(await getDb()) : [];
  const tab = (key: 'esign' | 'asan') =>
    `block rounded-md border-2 px-4 py-3 text-center font-semibold no-underline ${method === key ? 'border-brand-700 bg-brand-700 text-white hover:text-white' : 'border-brand-600'}`;
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-muted">{intro}</p>
      <nav aria-label={title} className="mt-6 grid gap-3 sm:grid-cols-2">
        <Link
          href={`${basePath}?method=esign`}
          className={tab('esign')}
          aria-current={method === 'esign' ? 'page' : undefined}
        >
          {t('esign')}
        </Link>
        <Link
          href={`${basePath}?method=asan`}
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
              start={actions.startEsign}
              answer={actions.answer}
              finish={actions.finishEsign}
            />
          </>
        ) : method === 'asan' ? (
          <>
            <h2 className="mb-4 text-xl font-semibold">{t('asan')}</h2>
            <AsanLogin
              simulatorsOn={simulators}
              start={actions.startAsan}
              finish={actions.finishAsan}
              cancel={actions.cancel}
            />
          </>
        ) : (
          <p>{intro}</p>
        )}
      </section>
    </div>
  );
}
