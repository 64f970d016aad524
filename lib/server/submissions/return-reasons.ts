import 'server-only';
import { fillTemplate, type MessageText } from '@/lib/domain';
import type { ReturnReason } from './types';

/**
 * Why the automatic checks return a report (issue 6 §5), with the step that fixes it. The texts
 * speak to the employer: what is wrong and what to do.
 */
const REASONS = {
  OPENING_DEBT_CHANGED: {
    step: 'F4',
    az: 'Dövrün əvvəlinə borc və ya əvvəlki dövrlərin açıq borcları dəyişib (indi {expectedQepik}): hesabatı yoxlayıb yenidən göndərin',
    en: 'The opening debt or the open debts of earlier periods have changed (now {expectedQepik}): check the report and send it again',
  },
  PENALTY_OUTDATED: {
    step: 'F11',
    az: 'Penya hesabat imzalandıqdan sonra başqa hesabatla hesablanıb və ya borclar dəyişib: "HESABLA" ilə yenidən hesablayın və yenidən göndərin',
    en: 'The penalty was charged by another report, or the debts changed, after this one was signed: recalculate with "HESABLA" and send again',
  },
  FUND_ENTRIES_CHANGED: {
    step: 'F12',
    az: 'Fondun bu rüb üzrə qeydləri (sanksiyalar, cərimələr, silinmələr) dəyişib: addımları yenidən keçin',
    en: "The fund's entries for the quarter (sanctions, fines, write-offs) have changed: go through the steps again",
  },
  BALANCE_MISMATCH: {
    step: 'F17',
    az: 'Dövrün sonuna borc hesabatın sətirləri ilə uyğun gəlmir',
    en: "The closing debt does not agree with the report's lines",
  },
  MDSS_MISMATCH: {
    step: 'F10',
    az: 'Hesablanmış MDSS sığortaolunanların gəlirləri ilə uyğun gəlmir',
    en: "The calculated MDSS does not agree with the insured persons' income",
  },
  PERSONS_MISSING: {
    step: 'F20',
    az: 'Hesabatda sığortaolunan yoxdur',
    en: 'The report has no insured persons',
  },
  DUPLICATE_REPORT: {
    step: 'F1',
    az: 'Bu dövr və fəaliyyət kodu üzrə qəbul edilmiş hesabat artıq var: Dəqiqləşdirilmiş hesabat təqdim edin',
    en: 'An accepted report for this period and activity code already exists: file a corrective report',
  },
  REPLACED_REPORT_NOT_ACCEPTED: {
    step: 'F1',
    az: 'Dəqiqləşdirilən hesabat artıq qüvvədə deyil',
    en: 'The report being corrected is no longer the one in force',
  },
  SIGNER_NO_AUTHORITY: {
    step: 'F25',
    az: 'İmzalayan şəxsin imzalama anında bu sığortaedən üçün səlahiyyəti yox idi',
    en: 'The signer had no authority for this employer at the time of signing',
  },
  PAYMENT_OVERUSED: {
    step: 'F6',
    az: 'Ödəniş qalığından artıq istifadə olunub: ödənişləri yenidən seçin',
    en: 'A payment is used beyond its remainder: choose the payments again',
  },
} as const satisfies Record<string, MessageText & { step: string }>;

export type ReturnCode = keyof typeof REASONS;

export function returnReason(
  code: ReturnCode,
  params: Record<string, string | number> = {},
): ReturnReason {
  const r = REASONS[code];
  return {
    code,
    step: r.step,
    text: { az: fillTemplate(r.az, params, 'az'), en: fillTemplate(r.en, params, 'en') },
  };
}

/** Stored reasons (jsonb) back to their shape, dropping anything malformed. */
export function readReturnReasons(value: unknown): ReturnReason[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is ReturnReason =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as ReturnReason).code === 'string' &&
      typeof (r as ReturnReason).step === 'string' &&
      typeof (r as ReturnReason).text?.az === 'string' &&
      typeof (r as ReturnReason).text?.en === 'string',
  );
}
