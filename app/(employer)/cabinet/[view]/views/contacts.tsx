import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/server/db';
import { getEmployerData } from '@/lib/server/employers/get-employer-data';
import type { CabinetViewProps } from '../view-body';
import { DetailList } from './detail-list';

/** View 3: phones and e-mail addresses. */
export async function ContactsView({ context }: CabinetViewProps) {
  const t = await getTranslations('cabinetEmployer');
  const data = await getEmployerData(await getDb(), context.scope);
  if (data.contacts.length === 0) return <p className="text-muted">{t('noContacts')}</p>;
  return (
    <DetailList
      testId="cabinet-contacts"
      rows={data.contacts.map((c) => [c.kind === 'PHONE' ? t('phone') : t('email'), c.value])}
    />
  );
}
