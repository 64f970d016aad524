import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cabinetHref, parseCabinetQuery } from '@/lib/cabinet/query';
import { loadInScope, requireEmployerAccess } from '@/lib/server/access';
import { subEmployerTargets } from '@/lib/server/cabinet/distribution/load-distributable-payment';
import { now, todayInBaku } from '@/lib/server/clock';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('distribution');
  return { title: t('subEmployersTitle') };
}

/**
 * "Alt təşkilatların ödənişləri" (SPEC E5): the employers below the chosen one in its structure,
 * each leading to its view 17 through the parent's scope (`sub` in the URL; the guard decides).
 */
export default async function SubEmployersPage({ searchParams }: Props) {
  const scope = await requireEmployerAccess('REPORTS');
  const { query } = parseCabinetQuery(await searchParams, todayInBaku(now()));
  const subs = await loadInScope(scope, 'cabinet:sub-employers', (db) =>
    subEmployerTargets(db, scope),
  );
  const t = await getTranslations('distribution');
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={cabinetHref('payments', { ...query, sub: null })}>← {t('backToPayments')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('subEmployersTitle')}</h1>
      <p className="mt-2 text-muted">{t('subEmployersIntro')}</p>
      {subs.length === 0 ? (
        <p className="mt-4">{t('noSubEmployers')}</p>
      ) : (
        <ul className="mt-4 grid gap-2" data-testid="sub-employers">
          {subs.map((s) => (
            <li key={s.id} className="rounded-md bg-surface p-3 shadow-sm">
              <Link
                href={cabinetHref('payments', { ...query, code: null, sub: s.id })}
                className="inline-flex min-h-11 items-center"
              >
                {t('subEmployerOpen', { name: s.name })}
              </Link>
              <span className="ml-2 text-sm text-muted">{s.dsmfRegNumber}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
