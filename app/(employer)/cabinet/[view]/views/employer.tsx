import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/server/db';
import { getEmployerData } from '@/lib/server/employers/get-employer-data';
import type { CabinetViewProps } from '../view-body';
import { DetailList } from './detail-list';

/** View 1: the employer's main details, as the fund registered them. */
export async function EmployerView({ context, locale }: CabinetViewProps) {
  const t = await getTranslations('cabinetEmployer');
  const ti = await getTranslations('info');
  const data = await getEmployerData(await getDb(), context.scope);
  const rows: [string, string][] = [
    [t('name'), data.name],
    [t('type'), ti(`type${data.employerType}`)],
    [t('regNumber'), data.dsmfRegNumber],
    [t('voen'), data.voen],
    [t('responsible'), `${data.responsible.fullName} (${data.responsible.fin})`],
    [t('localBody'), `${data.localBody.code} — ${data.localBody.name}`],
    [
      t('activityCodes'),
      data.activityCodes
        .map((a) => `${a.code} — ${locale === 'en' ? a.nameEn : a.nameAz}`)
        .join('; '),
    ],
  ];
  if (data.parent) rows.push([t('parent'), data.parent.name]);
  if (data.subEmployers.length > 0) {
    rows.push([
      t('subEmployers'),
      data.subEmployers.map((s) => `${s.name} (${s.dsmfRegNumber})`).join('; '),
    ]);
  }
  return <DetailList rows={rows} testId="cabinet-employer" />;
}
