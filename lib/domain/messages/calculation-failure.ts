// Why a calculation could not be made, in words (issue 10 §5). A use case that cannot compute
// (MDSS, penalty, balance, distribution) throws CALCULATION_FAILED with the domain code as its
// `reason`; the text shows this explanation, never the code itself.
import type { Locale } from '../money-format';
import type { MessageText } from './codes';

const TOO_LARGE: MessageText = { az: 'məbləğ çox böyükdür', en: 'an amount is too large' };
const RATES: MessageText = {
  az: 'bu dövr üçün qüvvədə olan dərəcələr tapılmadı',
  en: 'no rates are in force for this period',
};
const PARAMETERS: MessageText = {
  az: 'dərəcə və ya parametrlər düzgün qurulmayıb',
  en: 'the rates or parameters are not set up correctly',
};

const REASONS: Readonly<Record<string, MessageText>> = {
  AMOUNT_TOO_LARGE: TOO_LARGE,
  TOTAL_TOO_LARGE: TOO_LARGE,
  // Stored amounts are whole numbers; one that is not a safe integer is beyond 2^53.
  AMOUNT_NOT_INTEGER_QEPIK: TOO_LARGE,
  AMOUNT_NEGATIVE: { az: 'məbləğ mənfidir', en: 'an amount is negative' },
  RATES_NOT_FOUND: RATES,
  RATES_AMBIGUOUS: {
    az: 'bu dövr üçün birdən çox dərəcə qüvvədədir',
    en: 'more than one set of rates is in force for this period',
  },
  INVALID_SCHEDULE: PARAMETERS,
  INVALID_RATE: PARAMETERS,
  INVALID_PENALTY_PARAMETERS: PARAMETERS,
  UNKNOWN_MONTH: { az: 'hesabatın ayı tanınmadı', en: 'a month of the report is not known' },
};

const OTHER: MessageText = {
  az: 'hesabatın məlumatları bir-birinə uyğun gəlmir',
  en: 'the figures of the report do not fit together',
};

/**
 * The explanation of a CALCULATION_FAILED reason (a domain code) in a locale; an unknown or
 * missing reason gets a neutral explanation, so no code or placeholder reaches the user.
 */
export function calculationFailureReason(reason: unknown, locale: Locale): string {
  const text =
    typeof reason === 'string' && Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;
  return (text ?? OTHER)[locale];
}

/** The params of a CALCULATION_FAILED message with `reason` turned into words for the locale. */
export function explainCalculationParams<P extends Readonly<Record<string, unknown>>>(
  params: P,
  locale: Locale,
): P & { reason: string } {
  return { ...params, reason: calculationFailureReason(params.reason, locale) };
}
