import 'server-only';
import { fillTemplate, isDomainCode, MESSAGES as DOMAIN_MESSAGES } from '@/lib/domain';
import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';
import type { AppErrorCode } from '../errors';
import { errorTemplate, errorTexts } from '../error-messages';

// The payroll API's own codes (issue 5 §9, ARCHITECTURE.md §6); their texts are in lib/i18n
// (apiErrors). Report and person codes keep the wizard's texts and domain codes the domain's,
// so the API and the portal say the same thing.

export type ApiText = { az: string; en: string };

/** One problem of a request body: where (e.g. 'persons[2].incomes.2025-08'), what, and words. */
export type ApiProblem = { path: string; code: string; message: ApiText };

export type ApiMessageCode = keyof typeof az.apiErrors;
export type ApiParams = Readonly<Record<string, string | number>>;

const OWN: Readonly<Record<'az' | 'en', Readonly<Record<string, string>>>> = {
  az: az.apiErrors,
  en: en.apiErrors,
};

/**
 * Both texts of a code: the API's own, else the portal's (errors, then domain). An unknown code
 * still gets a neutral text rather than leaking anything.
 */
export function apiText(code: string, params: ApiParams = {}): ApiText {
  const own = OWN.az[code];
  if (own !== undefined) {
    return {
      az: fillTemplate(own, params, 'az'),
      en: fillTemplate(OWN.en[code] ?? own, params, 'en'),
    };
  }
  if (errorTemplate(code, 'az') !== null) return errorTexts(code as AppErrorCode, params);
  if (isDomainCode(code)) {
    const text = DOMAIN_MESSAGES[code];
    return { az: fillTemplate(text.az, params, 'az'), en: fillTemplate(text.en, params, 'en') };
  }
  return apiText('FORMAT');
}

export function apiProblem(path: string, code: string, params: ApiParams = {}): ApiProblem {
  return { path, code, message: apiText(code, params) };
}
