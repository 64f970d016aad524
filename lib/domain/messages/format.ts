// Turning a code and its params into text (ARCHITECTURE.md §6): a raw error never reaches a user.
import { formatAmount, type Locale } from '../money-format';
import type { MessageParam, MessageParams } from '../result';
// The texts live in lib/i18n with every other text (ARCHITECTURE.md §6); lib/domain reads the
// catalogue's data, nothing else of lib/i18n.
import az from '../../i18n/messages/az-rules.json';
import en from '../../i18n/messages/en-rules.json';
import { DOMAIN_CODES, type DomainCode, type MessageText } from './codes';
import { formatMonth, monthName } from './month-names';

export { formatMonth, monthName };

// A code without its text in either file is a compile error here.
const AZ: Readonly<Record<DomainCode, string>> = az.rules;
const EN: Readonly<Record<DomainCode, string>> = en.rules;

/** The catalogue: az and en text for every domain code. */
export const MESSAGES: Readonly<Record<DomainCode, MessageText>> = Object.fromEntries(
  DOMAIN_CODES.map((code) => [code, { az: AZ[code], en: EN[code] }]),
) as Record<DomainCode, MessageText>;

function formatParam(param: MessageParam, locale: Locale): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  return param.kind === 'money'
    ? formatAmount(param.qepik, locale)
    : formatMonth(param.month, locale);
}

/** True when the string is a code in the catalogue. */
export function isDomainCode(code: string): code is DomainCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/**
 * Fills {placeholders} of a template; a placeholder without a param is left visible rather than
 * silently dropped. A number whose name ends in `Qepik` is money (the naming rule of
 * ARCHITECTURE.md §7) and is shown as an amount. Every message catalogue of the app uses this
 * one function, so money and months read the same everywhere. ARCHITECTURE.md §6.
 */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, MessageParam | undefined>> = {},
  locale: Locale = 'az',
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const param = params[name];
    if (param === undefined) return whole;
    if (typeof param === 'number' && name.endsWith('Qepik')) {
      return formatAmount(param as Parameters<typeof formatAmount>[0], locale);
    }
    return formatParam(param, locale);
  });
}

/** The text of a domain code in a locale with {placeholders} filled. ARCHITECTURE.md §6. */
export function formatMessage(
  code: DomainCode,
  params: MessageParams = {},
  locale: Locale = 'az',
): string {
  return fillTemplate(MESSAGES[code][locale], params, locale);
}
