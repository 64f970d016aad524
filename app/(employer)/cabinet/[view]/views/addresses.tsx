import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/server/db';
import { getEmployerData } from '@/lib/server/employers/get-employer-data';
import type { CabinetViewProps } from '../view-body';
import { DetailList } from './detail-list';

/** View 2: the legal and actual addresses. */
export async function AddressesView({ context }: CabinetViewProps) {
  const t = await getTranslations('cabinetEmployer');
  const data = await getEmployerData(await getDb(), context.scope);
  if (data.addresses.length === 0) return <p className="text-muted">{t('noAddresses')}</p>;
  return (
    <DetailList
      testId="cabinet-addresses"
      rows={data.addresses.map((a) => [a.kind === 'LEGAL' ? t('legal') : t('actual'), a.address])}
    />
  );
}
