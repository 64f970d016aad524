import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/lib/i18n/set-locale-action';

/** A form post, so the switch works before (and without) JavaScript. */
export async function LanguageSwitch() {
  const t = await getTranslations('header');
  const locale = await getLocale();
  const other = locale === 'az' ? 'en' : 'az';
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t('switchToLabel')}
        className="rounded-md border border-white/60 px-2 py-1 text-sm font-medium text-white hover:bg-white/10"
        data-testid="language-switch"
      >
        {t('switchTo')}
      </button>
    </form>
  );
}
