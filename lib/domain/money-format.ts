// Reading and writing amounts as people type and read them (DOMAIN.md §1).
// Decision: the Azerbaijani format uses a plain space U+0020 both as the thousands separator
// and before "₼" (as DOMAIN.md prints it); parseAmount also accepts U+00A0 and U+202F.
import { amountTooLarge, MAX_AMOUNT_QEPIK, type MoneyCode, type Qepik } from './money';
import { err, ok, type Result } from './result';

export type Locale = 'az' | 'en';

const MAX_QEPIK = BigInt(MAX_AMOUNT_QEPIK);
const SPACE_GROUPED = /^(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d+))?$/;
const COMMA_GROUPED = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses '1234.56', '1234,56', '1 234,56' (space, U+00A0 or U+202F between groups of three),
 * and what formatAmount writes ('1 234,56 ₼', 'AZN 1,234.56'). At most two decimals; never a
 * silent 0. Comma grouping is accepted only with the 'AZN' marker, where it cannot be mistaken
 * for a decimal comma. More than MAX_AMOUNT_QEPIK (in magnitude) is AMOUNT_TOO_LARGE with the
 * limit as `maxQepik`: every typed, imported or API amount passes here. DOMAIN.md §1, issue 10 §5.
 */
export function parseAmount(
  input: string,
  options: { allowNegative?: boolean } = {},
): Result<Qepik, MoneyCode> {
  let text = input.trim();
  if (text === '') return err('AMOUNT_EMPTY');
  let negative = false;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = true;
    text = text.slice(1).trimStart();
  }
  let englishStyle = false;
  if (text.endsWith('₼')) {
    text = text.slice(0, -1).trimEnd();
  } else if (text.startsWith('AZN')) {
    englishStyle = true;
    text = text.slice(3).trimStart();
  }
  if (text === '') return err('AMOUNT_EMPTY');
  const match = (englishStyle ? COMMA_GROUPED : SPACE_GROUPED).exec(text);
  if (!match) return err('AMOUNT_NOT_A_NUMBER');
  const wholeDigits = (match[1] ?? '').replace(/[^0-9]/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return err('AMOUNT_TOO_MANY_DECIMALS');
  const magnitude = BigInt(wholeDigits) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (negative && magnitude > 0n && !options.allowNegative) return err('AMOUNT_NEGATIVE');
  if (magnitude > MAX_QEPIK) return amountTooLarge();
  const value = Number(magnitude);
  return ok((negative && value !== 0 ? -value : value) as Qepik);
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Writes an amount for display: az '1 234,56 ₼', en 'AZN 1,234.56'; negatives get a leading
 * '-' ('-1 234,56 ₼', '-AZN 1,234.56'). DOMAIN.md §1.
 */
export function formatAmount(amountQepik: number, locale: Locale): string {
  const negative = amountQepik < 0;
  const magnitude = BigInt(Math.trunc(Math.abs(amountQepik)));
  const whole = (magnitude / 100n).toString();
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  const sign = negative ? '-' : '';
  return locale === 'az'
    ? `${sign}${groupThousands(whole, ' ')},${cents} ₼`
    : `${sign}AZN ${groupThousands(whole, ',')}.${cents}`;
}

/**
 * An amount as a form field's starting text: no currency, no grouping, the locale's decimal
 * mark ('1234,56' / '1234.56'), so parseAmount reads it back in either language. DOMAIN.md §1.
 */
export function formatAmountInput(amountQepik: number, locale: Locale): string {
  const negative = amountQepik < 0;
  const magnitude = Math.abs(amountQepik);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}${locale === 'en' ? '.' : ','}${fraction}`;
}
