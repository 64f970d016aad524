// Why a calculation could not be made, in words (issue 10 §5). A use case that cannot compute
// (MDSS, penalty, balance, distribution) throws CALCULATION_FAILED with the domain code as its
// `reason`; the text shows this explanation, never the code itself.
import type { Locale } from '../money-format';
import az from '../../i18n/messages/az-rules.json';
import en from '../../i18n/messages/en-rules.json';

const TEXTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  az: az.calculation,
  en: en.calculation,
};

/**
 * The explanation of a CALCULATION_FAILED reason (a domain code) in a locale; an unknown or
 * missing reason gets a neutral explanation, so no code or placeholder reaches the user.
 */
export function calculationFailureReason(reason: unknown, locale: Locale): string {
  const texts = TEXTS[locale];
  // OTHER is the neutral explanation for a reason the catalogue does not name.
  const key =
    typeof reason === 'string' && reason !== 'OTHER' && Object.hasOwn(texts, reason)
      ? reason
      : 'OTHER';
  return texts[key] as string;
}

/** The params of a CALCULATION_FAILED message with `reason` turned into words for the locale. */
export function explainCalculationParams<P extends Readonly<Record<string, unknown>>>(
  params: P,
  locale: Locale,
): P & { reason: string } {
  return { ...params, reason: calculationFailureReason(params.reason, locale) };
}
