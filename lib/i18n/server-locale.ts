import 'server-only';
import { getLocale } from 'next-intl/server';
import { currentRequestContext } from '@/lib/server/request-context';
import { isLocale, type Locale } from './locales';

/** The request's UI language, for messages built on the server (action results). */
export async function serverLocale(): Promise<Locale> {
  const context = currentRequestContext();
  if (context) return context.locale;
  const locale = await getLocale();
  return isLocale(locale) ? locale : 'az';
}
