import 'server-only';
import { createTranslator } from 'next-intl';
import { UI_MESSAGES } from './catalogue';
import { serverLocale } from './server-locale';

/** A text of the namespace by key, with its {placeholders} filled in. */
export type ServerTranslate = (key: string, values?: Record<string, string | number>) => string;

/** The catalogue as next-intl reads it: namespaces of texts (the JSON files' shape). */
type Catalogue = Record<string, Record<string, string>>;

/**
 * The UI texts of one namespace in the request's language, for words a server action puts in
 * its answer. Unlike next-intl's getTranslations it needs no Next.js request, so the same
 * action answers the same words when the integration suite calls it in-process.
 */
export async function serverTranslations(namespace: string): Promise<ServerTranslate> {
  const locale = await serverLocale();
  const translate = createTranslator<Catalogue, string>({
    locale,
    messages: UI_MESSAGES[locale] as Catalogue,
    namespace,
  });
  return (key, values) => translate(key, values);
}
