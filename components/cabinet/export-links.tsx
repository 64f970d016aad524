import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/receipt/print-button';

/** "Yüklə: CSV · Excel (XLSX)" and "Çap et" under a view's tables (issue 13 §12). */
export async function ExportLinks({ csvHref, xlsxHref }: { csvHref: string; xlsxHref: string }) {
  const t = await getTranslations('cabinet');
  return (
    <div
      className="mt-4 flex flex-wrap items-center gap-4 print:hidden"
      data-testid="cabinet-downloads"
    >
      <span className="font-semibold">{t('download')}:</span>
      <a href={csvHref} download data-testid="download-csv">
        {t('downloadCsv')}
      </a>
      <a href={xlsxHref} download data-testid="download-xlsx">
        {t('downloadXlsx')}
      </a>
      <PrintButton label={t('print')} />
    </div>
  );
}
