import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/staff-payments/import-form';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatDateTime } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { MAX_STATEMENT_BYTES } from '@/lib/server/staff/payments/import-statement';
import { listRecentImports } from '@/lib/server/staff/payments/read-models';
import { importStatementAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('staffPayments');
  return { title: t('importTitle') };
}

/** Uploading a bank statement (issue 14 §5); the preview of what was read follows. */
export default async function ImportStatementPage() {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffPayments');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const recent = await listRecentImports(await getDb(), staff);
  const mb = MAX_STATEMENT_BYTES / 1024 / 1024;
  return (
    <div>
      <p>
        <Link href="/admin/payments">← {t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('importTitle')}</h1>
      <p className="mt-2 max-w-3xl">{t('importIntro', { mb })}</p>
      <ImportForm action={importStatementAction} maxMb={mb} />
      {recent.length > 0 ? (
        <section className="mt-8" aria-labelledby="recent-imports">
          <h2 id="recent-imports" className="text-lg font-bold">
            {t('recentImports')}
          </h2>
          <ScrollTable
            label={t('recentCaption')}
            columns={[
              { label: t('colFile') },
              { label: t('colImportedAt') },
              { label: t('colLines'), align: 'right' },
            ]}
          >
            {recent.map((r) => (
              <tr key={r.id} className="border-b border-line">
                <td className="p-3">
                  <Link href={`/admin/payments/import/${r.id}`}>{r.fileName}</Link>
                </td>
                <td className="p-3">{formatDateTime(r.importedAt, locale)}</td>
                <td className="p-3 text-right">{r.lineCount}</td>
              </tr>
            ))}
          </ScrollTable>
        </section>
      ) : null}
    </div>
  );
}
