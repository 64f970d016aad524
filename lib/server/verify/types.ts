import type { SubmissionStatus } from '@/db/schema';
import type { ActionResult } from '../actions';

export const VERIFY_CODES = [
  'VALID',
  'NOT_FOUND',
  'HASH_MISMATCH',
  'SIGNATURE_INVALID',
  'FILE_INVALID',
] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

/**
 * What /verify may reveal about a submission (issue 6 §6) — nothing else: no amounts, no
 * persons, no full FIN. Instants are ISO strings so the view crosses to the client as is.
 */
export type PublicReceiptView = {
  receiptNumber: string;
  receivedAt: string;
  employerName: string;
  period: { year: number; quarter: number };
  reportType: 'INITIAL' | 'CORRECTIVE';
  documentHash: string;
  signerName: string;
  signerFinMasked: string;
  status: SubmissionStatus;
};

/** The answer of a check: details only when valid, so a guessed receipt number reveals nothing. */
export type VerifyResult =
  | { valid: true; code: 'VALID'; details: PublicReceiptView }
  | { valid: false; code: Exclude<VerifyCode, 'VALID'> };

/**
 * What the file check of /verify answers (issue 6 §6): null before the first check, the file's
 * name with the outcome, or why the file was not checked (its field, in the user's language).
 */
export type VerifyFileState = ActionResult<{ fileName: string; outcome: VerifyResult }> | null;
