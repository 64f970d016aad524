import 'server-only';
import { createTranslator } from 'next-intl';
import { UI_MESSAGES } from './catalogue';
import { serverLocale } from './server-locale';

/** A filled-in UI message; the values are what next-intl's ICU templates take. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The UI messages of `namespace` in the request's language, for texts a server action answers
 * with ("Şəxs əlavə edildi"). The same catalogue and templates as next-intl's getTranslations,
 * but it also runs where there is no Next.js request (the integration suite calls actions).
 */
export async function serverTranslations(namespace: string): Promise<Translate> {
  const locale = await serverLocale();
  const t = createTranslator({
    locale,
    messages: UI_MESSAGES[locale],
    namespace,
    timeZone: 'Asia/Baku',
  });
  // The catalogue is typed as plain records, so next-intl cannot check the keys; a missing key
  // shows as its name (and the i18n test keeps az and en in step).
  return (key, values) => t(key as never, values as never);
}
