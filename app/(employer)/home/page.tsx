import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Service } from '@/lib/server/services';
import { requireEmployerServices } from '@/lib/server/access';

export async function generateMetadata() {
  const t = await getTranslations('home');
  return { title: t('title') };
}

const MENUS: {
  service: Service;
  href: string;
  title: 'employerData' | 'authorities' | 'reports';
  hint: 'employerDataHint' | 'authoritiesHint' | 'reportsHint';
}[] = [
  { service: 'EMPLOYER_DATA', href: '/info', title: 'employerData', hint: 'employerDataHint' },
  { service: 'AUTHORITIES', href: '/authorities', title: 'authorities', hint: 'authoritiesHint' },
  { service: 'REPORTS', href: '/reports', title: 'reports', hint: 'reportsHint' },
];

/** SPEC A5: the service home with its three menus; a menu without authority is shown inactive. */
export default async function HomePage() {
  const t = await getTranslations('home');
  const services = await requireEmployerServices();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ul className="mt-6 grid gap-4 md:grid-cols-3" data-testid="service-menus">
        {MENUS.map((m) => (
          <li key={m.service}>
            {services.has(m.service) ? (
              <Link
                href={m.href}
                className="block h-full rounded-lg border-2 border-brand-600 bg-surface p-5 no-underline shadow-sm hover:bg-brand-50"
              >
                <span className="block text-lg font-semibold">{t(m.title)}</span>
                <span className="mt-2 block text-sm text-muted">{t(m.hint)}</span>
              </Link>
            ) : (
              <div
                className="h-full rounded-lg border-2 border-line bg-canvas p-5 text-muted"
                aria-disabled="true"
              >
                <span className="block text-lg font-semibold">{t(m.title)}</span>
                <span className="mt-2 block text-sm">{t('noAccess')}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
