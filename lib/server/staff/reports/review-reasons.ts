import 'server-only';
import { AppError } from '../../errors';
import { returnReason, type ReturnCode } from '../../submissions/return-reasons';
import type { ReturnReason } from '../../submissions/types';

/**
 * The coded reasons a reviewer may give (issue 14 §9): the automatic checks' own codes
 * (lib/server/submissions/return-reasons.ts) that need no figure to explain them, so the employer
 * reads the same text and step link as for an automatic return.
 */
export const REVIEW_REASON_CODES = [
  'MDSS_MISMATCH',
  'PERSONS_MISSING',
  'BALANCE_MISMATCH',
  'FUND_ENTRIES_CHANGED',
  'PENALTY_OUTDATED',
  'PAYMENT_OVERUSED',
  'SIGNER_NO_AUTHORITY',
  'DUPLICATE_REPORT',
] as const satisfies readonly ReturnCode[];
export type ReviewReasonCode = (typeof REVIEW_REASON_CODES)[number];

/** The reviewer's own text, stored as one more reason (no step: it links nowhere). */
export const REVIEWER_NOTE_CODE = 'REVIEWER_NOTE';

/**
 * The stored reasons of a reviewer's return: each chosen code, then the text. Refuses no code,
 * an unknown one, or an empty text (each at its field).
 */
export function reviewReasons(codes: readonly string[], note: string): ReturnReason[] {
  const unique = [...new Set(codes)];
  const text = note.trim();
  const errors: AppError[] = [];
  if (unique.length === 0) errors.push(new AppError('REVIEW_REASON_REQUIRED', { field: 'codes' }));
  if (unique.some((c) => !(REVIEW_REASON_CODES as readonly string[]).includes(c)))
    errors.push(new AppError('REVIEW_REASON_UNKNOWN', { field: 'codes' }));
  if (text === '') errors.push(new AppError('REVIEW_NOTE_REQUIRED', { field: 'note' }));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1)
    throw new AppError(errors[0]!.code, { field: errors[0]!.field, fieldErrors: errors });
  return [
    ...unique.map((c) => returnReason(c as ReviewReasonCode)),
    { code: REVIEWER_NOTE_CODE, step: '', text: { az: text, en: text } },
  ];
}
