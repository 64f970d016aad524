import type { CabinetQuery } from '@/lib/cabinet/query';
import { monthName } from '@/lib/domain/messages/format';
import { formatDate } from '@/lib/i18n/format-date';
import { serverTranslations } from '@/lib/i18n/server-translations';

/** "2025, 2-ci rüb, 01.12.2026 tarixinə": what a view's figures cover (screen, print, download). */
export async function describePeriod(query: CabinetQuery, locale: 'az' | 'en'): Promise<string> {
  // serverTranslations: the download route calls this too, also outside a Next.js request.
  const t = await serverTranslations('cabinet');
  const asOf = formatDate(query.asOf, locale);
  const { year, quarter, month } = query.period;
  if (year === null) return t('periodAll', { asOf });
  if (month !== null) return t('periodMonth', { month: monthName(month, locale), year, asOf });
  if (quarter !== null) return t('periodQuarter', { year, quarter, asOf });
  return t('periodYear', { year, asOf });
}

export async function PeriodLine({ query, locale }: { query: CabinetQuery; locale: 'az' | 'en' }) {
  return (
    <p className="mt-1 text-sm" data-testid="cabinet-period">
      {await describePeriod(query, locale)}
    </p>
  );
}
