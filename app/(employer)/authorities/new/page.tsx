import { getTranslations } from 'next-intl/server';
import { GrantAuthorityForm } from '@/components/authorities/grant-authority-form';
import { SERVICES } from '@/lib/server/services';
import { requireEmployerAccess } from '@/lib/server/access';
import { grantAuthorityAction, lookupHolderAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('authorities');
  return { title: t('newTitle') };
}

/** SPEC C1–C5: grant an authority. */
export default async function NewAuthorityPage() {
  await requireEmployerAccess('AUTHORITIES');
  const t = await getTranslations('authorities');
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">{t('newTitle')}</h1>
      <div className="mt-6 rounded-lg bg-surface p-6 shadow-sm">
        <GrantAuthorityForm
          services={SERVICES.map((s) => ({ value: s, label: t(`service${s}`) }))}
          lookup={lookupHolderAction}
          grant={grantAuthorityAction}
        />
      </div>
    </div>
  );
}
