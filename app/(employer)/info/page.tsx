import { getLocale, getTranslations } from 'next-intl/server';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { getEmployerData } from '@/lib/server/employers/get-employer-data';

export async function generateMetadata() {
  const t = await getTranslations('info');
  return { title: t('title') };
}

/** SPEC B1: the employer's registration data, read-only. */
export default async function EmployerInfoPage() {
  const scope = await requireEmployerAccess('EMPLOYER_DATA');
  const t = await getTranslations('info');
  const locale = await getLocale();
  const data = await getEmployerData(await getDb(), scope);
  const rows: [string, string][] = [
    [t('name'), data.name],
    [t('type'), t(`type${data.employerType}`)],
    [t('regNumber'), data.dsmfRegNumber],
    [t('voen'), data.voen],
    [t('responsible'), `${data.responsible.fullName} (${data.responsible.fin})`],
    [t('localBody'), `${data.localBody.code} — ${data.localBody.name}`],
  ];
  if (data.parent) rows.push([t('parent'), data.parent.name]);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('readOnly')}</p>
      <dl
        className="mt-6 divide-y divide-line rounded-lg bg-surface shadow-sm"
        data-testid="employer-data"
      >
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 p-4 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Section
        title={t('activityCodes')}
        items={data.activityCodes.map(
          (a) => `${a.code} — ${locale === 'en' ? a.nameEn : a.nameAz}`,
        )}
      />
      {data.subEmployers.length > 0 ? (
        <Section
          title={t('subEmployers')}
          items={data.subEmployers.map((s) => `${s.name} (${s.dsmfRegNumber})`)}
        />
      ) : null}
      <Section title={t('addresses')} items={data.addresses.map((a) => a.address)} />
      <Section title={t('contacts')} items={data.contacts.map((c) => c.value)} />
      <Section
        title={t('bankAccounts')}
        items={data.bankAccounts.map(
          (b) => `${b.bankName} (${b.bankCode}) — ${b.iban} ${b.currency}`,
        )}
      />
    </div>
  );
}

function Section({ title, items }: { title: string; items: string[] }) {
  return (
    <section className="mt-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      <ul className="mt-2 list-disc pl-5">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
