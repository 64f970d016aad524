import 'server-only';
import { fillTemplate } from '@/lib/domain';
import az from '@/lib/i18n/messages/az-rules.json';
import en from '@/lib/i18n/messages/en-rules.json';
import type { ReturnReason } from './types';

/**
 * Why the automatic checks return a report (issue 6 §5), with the step that fixes it. The texts
 * (lib/i18n, returnReasons) speak to the employer: what is wrong and what to do.
 */
const STEPS = {
  OPENING_DEBT_CHANGED: 'F4',
  PENALTY_OUTDATED: 'F11',
  FUND_ENTRIES_CHANGED: 'F12',
  BALANCE_MISMATCH: 'F17',
  MDSS_MISMATCH: 'F10',
  PERSONS_MISSING: 'F20',
  DUPLICATE_REPORT: 'F1',
  REPLACED_REPORT_NOT_ACCEPTED: 'F1',
  SIGNER_NO_AUTHORITY: 'F25',
  PAYMENT_OVERUSED: 'F6',
} as const;

// A code without both texts is a compile error here.
const TEXTS: Readonly<Record<'az' | 'en', Readonly<Record<keyof typeof STEPS, string>>>> = {
  az: az.returnReasons,
  en: en.returnReasons,
};

export type ReturnCode = keyof typeof STEPS;

export function returnReason(
  code: ReturnCode,
  params: Record<string, string | number> = {},
): ReturnReason {
  return {
    code,
    step: STEPS[code],
    text: {
      az: fillTemplate(TEXTS.az[code], params, 'az'),
      en: fillTemplate(TEXTS.en[code], params, 'en'),
    },
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
