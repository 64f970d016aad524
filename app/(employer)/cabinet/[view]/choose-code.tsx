import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cabinetHref } from '@/lib/cabinet/query';
import type { CabinetContext } from '@/lib/server/cabinet/cabinet-context';

/** Views 7–16 before a code is chosen: the employer's codes, each a link to this very view. */
export async function ChooseCode({
  context,
  slug,
  locale,
}: {
  context: CabinetContext;
  slug: string;
  locale: 'az' | 'en';
}) {
  const t = await getTranslations('cabinet');
  return (
    <div data-testid="choose-code">
      {context.codeNotRegistered ? (
        <p role="alert" className="mb-3 rounded-md border-l-4 border-warning p-3">
          {t('codeNotRegistered', { code: context.codeNotRegistered })}
        </p>
      ) : null}
      <h2 className="text-lg font-semibold">{t('chooseCode')}</h2>
      <p className="mt-1 text-muted">{t('chooseCodeHint')}</p>
      <ul className="mt-3 space-y-2">
        {context.codes.map((c) => (
          <li key={c.code}>
            <Link
              href={cabinetHref(slug, context.query, { code: c.code })}
              data-code={c.code}
              className="inline-flex min-h-11 items-center"
            >
              {c.code} — {locale === 'en' ? c.nameEn : c.nameAz}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
