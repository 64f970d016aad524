import 'server-only';
import { fillTemplate } from '@/lib/domain';
import type { Locale } from '@/lib/i18n/locales';
import { errorTemplate } from '@/lib/server/error-messages';

/** The words of a statement code (a match reason, a reader's problem): the domain's texts. */
export function statementCodeText(
  code: string,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(errorTemplate(code, locale) ?? code, params, locale);
}
