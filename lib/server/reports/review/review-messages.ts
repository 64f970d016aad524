import 'server-only';
import {
  fillTemplate,
  formatMessage,
  isDomainCode,
  type MessageParams,
  type ValidationResult,
} from '@/lib/domain';

/** Checks of the check-answers page that lib/domain has no code for (issue 5 §7). */
const REVIEW_MESSAGES = {
  PERSONS_MISSING: {
    az: 'Sığortaolunanlar daxil edilməyib',
    en: 'No insured persons have been entered',
  },
  SIGNATORY_MISSING_RESPONSIBLE: {
    az: 'Məsul şəxs seçilməyib',
    en: 'The responsible person has not been chosen',
  },
  SIGNATORY_MISSING_CHIEF_ACCOUNTANT: {
    az: 'Baş mühasib seçilməyib',
    en: 'The chief accountant has not been chosen',
  },
  HEADCOUNT_MISSING: {
    az: '{month}: işçi sayı göstərilməyib',
    en: '{month}: the headcount has not been given',
  },
  LABOUR_PAYMENTS_MISSING: {
    az: '{month}: əmək ödənişləri göstərilməyib',
    en: '{month}: the labour payments have not been given',
  },
  NOT_DISTRIBUTED: {
    az: 'Məbləğlər bölüşdürülməyib: "BÖLÜŞDÜR" düyməsini basın',
    en: 'The amounts have not been distributed: press "BÖLÜŞDÜR"',
  },
  PENALTY_OUT_OF_DATE: {
    az: 'Son "HESABLA" penyanı {storedQepik} hesablamışdı; bu günə penya {currentQepik} təşkil edir. Burada və göndərişdə bugünkü məbləğ istifadə olunur; yadda saxlamaq üçün penya addımında "HESABLA" düyməsini yenidən basın',
    en: 'The last "HESABLA" recorded a penalty of {storedQepik}; as of today it is {currentQepik}. This page and sending use today\'s figure; press "HESABLA" again on the penalty step to record it',
  },
} as const;
export type ReviewCode = keyof typeof REVIEW_MESSAGES;

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
  const template = REVIEW_MESSAGES[code as ReviewCode] ?? { az: code, en: code };
  const fill = (text: string, locale: 'az' | 'en') => fillTemplate(text, params, locale);
  return { az: fill(template.az, 'az'), en: fill(template.en, 'en') };
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
