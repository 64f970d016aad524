import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The public landing page: what the service is, and the two ways in (SPEC A1). */
export default async function LandingPage() {
  const t = await getTranslations('landing');
  return (
    <div className="grid gap-8 md:grid-cols-[3fr_2fr]">
      <section aria-labelledby="landing-heading">
        <h1 id="landing-heading" className="text-2xl font-bold sm:text-3xl">
          {t('heading')}
        </h1>
        <p className="mt-4 max-w-prose text-lg text-muted">{t('lead')}</p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <Link
            href="/login?method=esign"
            className="rounded-md bg-brand-600 px-4 py-3 text-center font-semibold text-white no-underline hover:bg-brand-700 hover:text-white"
          >
            {t('loginEsign')}
          </Link>
          <Link
            href="/login?method=asan"
            className="rounded-md border-2 border-brand-600 px-4 py-3 text-center font-semibold no-underline"
          >
            {t('loginAsan')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="features-heading" className="rounded-lg bg-surface p-6 shadow-sm">
        <h2 id="features-heading" className="text-lg font-semibold">
          {t('featuresHeading')}
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-5">
          <li>{t('featureReport')}</li>
          <li>{t('featureLedger')}</li>
          <li>{t('featureAuthority')}</li>
        </ul>
      </section>
    </div>
  );
}
