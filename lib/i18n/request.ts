import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { UI_MESSAGES } from './catalogue';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './locales';

// The language is a cookie, not a URL prefix: the manual's screens have no language in the path,
// and a signed-in user switching language must stay on the same page.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, messages: UI_MESSAGES[locale], timeZone: 'Asia/Baku' };
});
