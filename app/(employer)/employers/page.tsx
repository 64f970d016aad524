import { getTranslations } from 'next-intl/server';
import { requirePrincipal } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { listEmployersForPerson } from '@/lib/server/employers/list-employers-for-person';
import { chooseEmployerAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('employers');
  return { title: t('title') };
}

/** SPEC A4: every employer the person is responsible for or holds a live authority for. */
export default async function EmployersPage() {
  const t = await getTranslations('employers');
  const principal = await requirePrincipal();
  const choices = await listEmployersForPerson(await getDb(), principal);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      {choices.length === 0 ? (
        <p className="mt-6 rounded-md bg-warning-50 p-4" data-testid="no-employers">
          {t('none')}
        </p>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="employer-list">
          {choices.map((c) => (
            <li
              key={c.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-surface p-4 shadow-sm"
            >
              <div>
                <p className="font-semibold">{c.name}</p>
                <p className="text-sm text-muted">
                  {t('voen')}: {c.voen} · {t('regNumber')}: {c.dsmfRegNumber} ·{' '}
                  {c.via === 'RESPONSIBLE' ? t('viaResponsible') : t('viaAuthority')}
                </p>
              </div>
              <form action={chooseEmployerAction}>
                <input type="hidden" name="employerId" value={c.id} />
                <button
                  type="submit"
                  className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white"
                  aria-label={`${t('choose')}: ${c.name}`}
                >
                  {principal.employerId === c.id ? t('chosen') : t('choose')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
