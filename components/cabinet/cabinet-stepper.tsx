import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Target = { href: string; id: string } | null;

/** "Geri" and "Növbəti" between the views (SPEC E2); plain links, so they work without JS. */
export async function CabinetStepper({ back, next }: { back: Target; next: Target }) {
  const t = await getTranslations('cabinet');
  const tv = await getTranslations('cabinetViews');
  const link = 'inline-flex min-h-11 items-center rounded-md px-4 py-2 font-semibold no-underline';
  return (
    <nav
      aria-label={t('steps')}
      className="mt-8 flex flex-wrap justify-between gap-3 border-t border-line pt-4 print:hidden"
    >
      {back ? (
        <Link
          href={back.href}
          rel="prev"
          className={`${link} border-2 border-brand-600`}
          data-testid="cabinet-back"
        >
          ← {t('back')}
          <span className="sr-only">: {tv(back.id)}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          href={next.href}
          rel="next"
          className={`${link} bg-brand-600 text-white hover:bg-brand-700`}
          data-testid="cabinet-next"
        >
          {t('next')}
          <span className="sr-only">: {tv(next.id)}</span> →
        </Link>
      ) : null}
    </nav>
  );
}
