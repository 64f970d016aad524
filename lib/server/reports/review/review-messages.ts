import 'server-only';
import { errorMessage } from '../../error-messages';
import {
  formatMessage,
  isDomainCode,
  type MessageParams,
  type ValidationResult,
} from '@/lib/domain';

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
  // Every rule's code is lib/domain's; an unknown one is a programming error that still never
  // shows as the code itself.
  return { az: errorMessage('VALIDATION', {}, 'az'), en: errorMessage('VALIDATION', {}, 'en') };
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
