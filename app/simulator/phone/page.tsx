import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/layout/site-header';
import { PhoneSimulator } from '@/components/simulator/phone-simulator';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { answerOnPhoneAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('phone');
  return { title: t('title') };
}

/** The Asan İmza phone, played by a page (simulators only; 404 otherwise). */
export default async function PhoneSimulatorPage({
  searchParams,
}: {
  searchParams: Promise<{ phone?: string }>;
}) {
  if (!simulatorsEnabled()) notFound();
  const t = await getTranslations('phone');
  const { phone } = await searchParams;
  return (
    <>
      <SiteHeader homeHref="/" />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-muted">{t('intro')}</p>
        <PhoneSimulator initialPhone={phone ?? ''} answer={answerOnPhoneAction} />
      </main>
    </>
  );
}
