import 'server-only';
import { MESSAGES as DOMAIN_MESSAGES, fillTemplate } from '@/lib/domain';
import { personErrorTexts, type PersonErrorCode } from '../reports/persons/person-errors';
import {
  REPORT_ERROR_MESSAGES,
  reportErrorMessage,
  type ReportErrorCode,
} from '../reports/report-errors';

// The payroll API's own codes and texts (issue 5 §9, ARCHITECTURE.md §6). Report and person
// codes keep the wizard's texts, so the API and the portal say the same thing.

export type ApiText = { az: string; en: string };

/** One problem of a request body: where (e.g. 'persons[2].incomes.2025-08'), what, and words. */
export type ApiProblem = { path: string; code: string; message: ApiText };

const API_MESSAGES = {
  // Answer codes ({error:{code}}).
  TOKEN_MISSING: {
    az: 'Authorization başlığında "Bearer <token>" göndərin',
    en: 'Send "Bearer <token>" in the Authorization header',
  },
  TOKEN_INVALID: {
    az: 'Token etibarsızdır və ya ləğv edilib',
    en: 'The token is not valid or has been revoked',
  },
  RATE_LIMITED: {
    az: 'Sorğular çoxdur; {retryAfterSeconds} saniyədən sonra yenidən cəhd edin',
    en: 'Too many requests; try again in {retryAfterSeconds} seconds',
  },
  BODY_NOT_JSON: { az: 'Sorğunun gövdəsi JSON olmalıdır', en: 'The request body must be JSON' },
  BODY_TOO_LARGE: {
    az: 'Sorğunun gövdəsi {maxMb} MB-dan böyük olmamalıdır',
    en: 'The request body must be no larger than {maxMb} MB',
  },
  PAYLOAD_INVALID: {
    az: 'Hesabatda {count} xəta var; "problems" siyahısına baxın',
    en: 'The report has {count} problems; see "problems"',
  },
  NOT_FOUND: { az: 'Tapılmadı', en: 'Not found' },
  CONFLICT: {
    az: 'Hesabat eyni vaxtda dəyişdirildi; yenidən göndərin',
    en: 'The report was changed at the same time; send it again',
  },
  INTERNAL: {
    az: 'Gözlənilməz xəta baş verdi; bir az sonra yenidən cəhd edin',
    en: 'Something went wrong; try again later',
  },
  // Problem codes ({path, code, message}).
  REQUIRED: { az: 'Bu sahə tələb olunur', en: 'This field is required' },
  TYPE: { az: 'Sahənin tipi {expected} olmalıdır', en: 'Must be of type {expected}' },
  UNKNOWN_FIELD: { az: 'Belə sahə yoxdur: {key}', en: 'There is no such field: {key}' },
  TOO_LONG: { az: 'Ən çox {max} simvol olmalıdır', en: 'Must be at most {max} characters' },
  TOO_MANY: { az: 'Ən çox {max} element olmalıdır', en: 'Must have at most {max} items' },
  FORMAT: { az: 'Format düzgün deyil', en: 'The format is not valid' },
  MONTH_FORMAT: {
    az: 'Ay YYYY-MM formatında olmalıdır, məsələn 2025-07',
    en: 'Month must be YYYY-MM, like 2025-07',
  },
  AMOUNT_NOT_STRING: {
    az: 'Məbləğ mətn kimi göndərilməlidir, məsələn "1234.56"',
    en: 'An amount must be sent as a string, like "1234.56"',
  },
  AMOUNT_FORMAT: {
    az: 'Məbləğ nöqtədən sonra düz 2 rəqəmlə AZN olmalıdır, məsələn "1234.56"',
    en: 'Must be AZN with exactly 2 decimals, like "1234.56"',
  },
  AMOUNT_NEGATIVE: { az: 'Məbləğ mənfi ola bilməz', en: 'Amount cannot be negative' },
  // The same words as the wizard's and the import's refusal (issue 10 §5).
  AMOUNT_TOO_LARGE: DOMAIN_MESSAGES.AMOUNT_TOO_LARGE,
  TOTAL_TOO_LARGE: DOMAIN_MESSAGES.TOTAL_TOO_LARGE,
  DUPLICATE_FIN: {
    az: 'Bu FİN artıq persons[{first}]-də var',
    en: 'This FIN is already in persons[{first}]',
  },
  TOKEN_NAME_REQUIRED: { az: 'Tokenin adını daxil edin', en: 'Enter a name for the token' },
  TOKEN_NAME_TOO_LONG: {
    az: 'Ad ən çox {max} simvol olmalıdır',
    en: 'The name must be at most {max} characters',
  },
  TOKEN_RESPONSIBLE_ONLY: {
    az: 'API tokenlərini yalnız məsul şəxs yarada və ləğv edə bilər',
    en: 'Only the responsible person can create and revoke API tokens',
  },
  TOKEN_ALREADY_REVOKED: { az: 'Token artıq ləğv edilib', en: 'The token is already revoked' },
} as const satisfies Record<string, ApiText>;

export type ApiMessageCode = keyof typeof API_MESSAGES;
export type ApiParams = Readonly<Record<string, string | number>>;

const fill = (template: string, params: ApiParams, locale: 'az' | 'en') =>
  fillTemplate(template, params, locale);

/**
 * Both texts of a code: the API's own, else the report wizard's, else the persons steps'. An
 * unknown code still gets a neutral text rather than leaking anything.
 */
export function apiText(code: string, params: ApiParams = {}): ApiText {
  const own = (API_MESSAGES as Record<string, ApiText>)[code];
  if (own) return { az: fill(own.az, params, 'az'), en: fill(own.en, params, 'en') };
  if (Object.hasOwn(REPORT_ERROR_MESSAGES, code)) {
    const reportCode = code as ReportErrorCode;
    return {
      az: reportErrorMessage(reportCode, params, 'az'),
      en: reportErrorMessage(reportCode, params, 'en'),
    };
  }
  try {
    return personErrorTexts(code as PersonErrorCode, params);
  } catch {
    return API_MESSAGES.FORMAT;
  }
}

export function apiProblem(path: string, code: string, params: ApiParams = {}): ApiProblem {
  return { path, code, message: apiText(code, params) };
}
