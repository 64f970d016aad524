import 'server-only';
import az from '@/lib/i18n/messages/az-rules.json';
import en from '@/lib/i18n/messages/en-rules.json';
import { errorMessage } from '../../error-messages';
import {
  fillTemplate,
  formatMessage,
  isDomainCode,
  type MessageParams,
  type ValidationResult,
} from '@/lib/domain';

/**
 * Checks of the check-answers page that lib/domain has no code for (issue 5 §7); their texts are
 * in lib/i18n (rules) beside the domain's.
 */
export const REVIEW_CODES = [
  'PERSONS_MISSING',
  'SIGNATORY_MISSING_RESPONSIBLE',
  'SIGNATORY_MISSING_CHIEF_ACCOUNTANT',
  'HEADCOUNT_MISSING',
  'LABOUR_PAYMENTS_MISSING',
  'NOT_DISTRIBUTED',
  'PENALTY_OUT_OF_DATE',
] as const;
export type ReviewCode = (typeof REVIEW_CODES)[number];

// A review code without both texts is a compile error here.
const TEXTS: Readonly<Record<'az' | 'en', Readonly<Record<ReviewCode, string>>>> = {
  az: az.rules,
  en: en.rules,
};

export type ReviewMessage = {
  severity: ValidationResult['severity'];
  code: string;
  /** The wizard step that fixes it (the "change" link). */
  step: string;
  fin?: string;
  month?: string;
  /** Warnings only: the key a confirmation is stored under, and the confirmation if valid. */
  key?: string;
  confirmation?: { reason: string; confirmedAt: string; confirmedByFin: string } | null;
  text: { az: string; en: string };
};

function texts(code: string, params: MessageParams): { az: string; en: string } {
  if (isDomainCode(code))
    return { az: formatMessage(code, params, 'az'), en: formatMessage(code, params, 'en') };
  const known = (REVIEW_CODES as readonly string[]).includes(code);
  // An unknown code is a programming error; it still never shows as the code itself.
  const fill = (locale: 'az' | 'en') =>
    known
      ? fillTemplate(TEXTS[locale][code as ReviewCode], params, locale)
      : errorMessage('VALIDATION', {}, locale);
  return { az: fill('az'), en: fill('en') };
}

/** A lib/domain validation result, or one of the review's own checks, with both texts. */
export function toReviewMessage(result: ValidationResult): ReviewMessage {
  return {
    severity: result.severity,
    code: result.code,
    step: result.step,
    ...(result.fin === undefined ? {} : { fin: result.fin }),
    ...(result.month === undefined ? {} : { month: result.month }),
    text: texts(result.code, result.params),
  };
}
