import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollTable } from '@/components/ui/scroll-table';
import { cabinetHref } from '@/lib/cabinet/query';
import type { CabinetViewProps } from '../view-body';

/**
 * View 6: the employer's activity codes; choosing one opens view 7 with it, and views 7–16 keep
 * it in their URLs (issue 13 §2).
 */
export async function ActivityCodeView({ context, locale }: CabinetViewProps) {
  const t = await getTranslations('cabinetEmployer');
  return (
    <ScrollTable
      label={t('activityCodes')}
      minWidth="min-w-[28rem]"
      testId="cabinet-codes"
      columns={[
        { label: t('code') },
        { label: t('codeName') },
        { label: t('sector') },
        { label: t('choose'), srOnly: true },
      ]}
    >
      {context.codes.map((c) => {
        const chosen = context.code?.code === c.code;
        return (
          <tr key={c.code} className="border-b border-line" data-code={c.code}>
            <td className="p-3 font-semibold">{c.code}</td>
            <td className="p-3">{locale === 'en' ? c.nameEn : c.nameAz}</td>
            <td className="p-3">{t(`sector${c.sector}`)}</td>
            <td className="p-3">
              <Link
                href={cabinetHref('debts', context.query, { code: c.code })}
                aria-current={chosen ? 'true' : undefined}
                className="inline-flex min-h-11 items-center font-semibold"
              >
                {chosen ? t('chosen') : t('choose')}
                <span className="sr-only">: {c.code}</span>
              </Link>
            </td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}
