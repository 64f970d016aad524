// Identifier rules of DOMAIN.md §9. Each validator normalises (trim, drop spaces, upper-case)
// and answers the normalised value or a code the form shows next to the field.
import { err, ok, type Result } from './result';

export const IDENTIFIER_CODES = [
  'FIN_EMPTY',
  'FIN_NON_LATIN',
  'FIN_DIN_FORMAT',
  'FIN_MIGRATION_FORMAT',
  'VOEN_EMPTY',
  'VOEN_FORMAT',
  'MOBILE_EMPTY',
  'MOBILE_FORMAT',
  'ASAN_USER_ID_EMPTY',
  'ASAN_USER_ID_FORMAT',
  'PIN1_FORMAT',
  'PIN2_FORMAT',
  'CARD_NUMBER_EMPTY',
  'CARD_NUMBER_NON_LATIN',
  'CARD_NUMBER_FORMAT',
  'DSMF_NUMBER_EMPTY',
  'DSMF_NUMBER_FORMAT',
] as const;
export type IdentifierCode = (typeof IDENTIFIER_CODES)[number];

/** The document a FIN was read from: ID card (DİN) or residence permit (Miqrasiya). */
export type FinDocumentType = 'DIN' | 'MIGRATION';

/** Wrong PIN entries after which the PIN is blocked. DOMAIN.md §9. */
export const PIN_MAX_ATTEMPTS = 3;

const FIN_DIN = /^[0-9A-HJ-NP-Z]{7}$/;
const FIN_MIGRATION = /^[0-9A-Z]{5,7}$/;
const LATIN_ALPHANUMERIC = /^[0-9A-Za-z]*$/;
const VOEN = /^\d{9}[12]$/;
const MOBILE_E164 = /^\+994(10|40|44|50|51|55|60|70|77|99)\d{7}$/;
const CARD_NUMBER = /^[0-9A-Z]{6,20}$/;

/** Trim and remove every kind of whitespace (typed or pasted). */
function compact(input: string): string {
  return input.replace(/[\s\u00A0\u202F]+/g, '');
}

/**
 * Upper-cases only after checking the text is ASCII letters and digits: 'ı'.toUpperCase() is
 * 'I' in JS, so checking afterwards would let Azerbaijani letters through.
 */
function latinUpper(text: string): string | null {
  return LATIN_ALPHANUMERIC.test(text) ? text.toUpperCase() : null;
}

/** Validates a FIN for its document type (DİN: 7, no I/O; Miqrasiya: 5–7). SPEC C4, DOMAIN.md §9. */
export function validateFin(
  input: string,
  documentType: FinDocumentType = 'DIN',
): Result<string, IdentifierCode> {
  const text = compact(input);
  if (text === '') return err('FIN_EMPTY');
  const fin = latinUpper(text);
  if (fin === null) return err('FIN_NON_LATIN');
  if (documentType === 'DIN') return FIN_DIN.test(fin) ? ok(fin) : err('FIN_DIN_FORMAT');
  return FIN_MIGRATION.test(fin) ? ok(fin) : err('FIN_MIGRATION_FORMAT');
}

/** Validates a VÖEN (tax id): 10 digits ending in 1 (legal) or 2 (natural person). DOMAIN.md §9. */
export function validateVoen(input: string): Result<string, IdentifierCode> {
  const text = compact(input);
  if (text === '') return err('VOEN_EMPTY');
  return VOEN.test(text) ? ok(text) : err('VOEN_FORMAT');
}

/**
 * Normalises an Azerbaijani mobile number to E.164 from '0501234567', '050 123 45 67',
 * '050-123-45-67', '(050) 123-45-67', '994501234567', '+994 50 123 45 67'. DOMAIN.md §9.
 */
export function normalizeMobile(input: string): Result<string, IdentifierCode> {
  const text = compact(input).replace(/[-().]/g, '');
  if (text === '') return err('MOBILE_EMPTY');
  let national: string | null = null;
  if (/^\+994\d{9}$/.test(text)) national = text.slice(4);
  else if (/^00994\d{9}$/.test(text)) national = text.slice(5);
  else if (/^994\d{9}$/.test(text)) national = text.slice(3);
  else if (/^0\d{9}$/.test(text)) national = text.slice(1);
  if (national === null) return err('MOBILE_FORMAT');
  const e164 = `+994${national}`;
  return MOBILE_E164.test(e164) ? ok(e164) : err('MOBILE_FORMAT');
}

/** Validates an Asan İmza User ID: 6 digits. DOMAIN.md §9. */
export function validateAsanUserId(input: string): Result<string, IdentifierCode> {
  const text = compact(input);
  if (text === '') return err('ASAN_USER_ID_EMPTY');
  return /^\d{6}$/.test(text) ? ok(text) : err('ASAN_USER_ID_FORMAT');
}

/** Validates PIN1 (login, 4 digits) or PIN2 (signing, 5 digits); never normalised. DOMAIN.md §9. */
export function validatePin(input: string, kind: 'PIN1' | 'PIN2'): Result<string, IdentifierCode> {
  if (kind === 'PIN1') return /^\d{4}$/.test(input) ? ok(input) : err('PIN1_FORMAT');
  return /^\d{5}$/.test(input) ? ok(input) : err('PIN2_FORMAT');
}

/** Validates an e-signature card number: 6–20 letters or digits. DOMAIN.md §9. */
export function validateCardNumber(input: string): Result<string, IdentifierCode> {
  const text = compact(input);
  if (text === '') return err('CARD_NUMBER_EMPTY');
  const card = latinUpper(text);
  if (card === null) return err('CARD_NUMBER_NON_LATIN');
  return CARD_NUMBER.test(card) ? ok(card) : err('CARD_NUMBER_FORMAT');
}

/** Validates a DSMF registration number: 5–15 digits. DOMAIN.md §9. */
export function validateDsmfNumber(input: string): Result<string, IdentifierCode> {
  const text = compact(input);
  if (text === '') return err('DSMF_NUMBER_EMPTY');
  return /^\d{5,15}$/.test(text) ? ok(text) : err('DSMF_NUMBER_FORMAT');
}
