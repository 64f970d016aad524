// Identifiers as people type or paste them (DOMAIN.md §9, issue 10 §10–11): normalised before any
// rule or length limit applies, so ' 3ht8r4n' is the FIN 3HT8R4N and 'hs-2026-1000036' finds
// receipt HS-2026-1000036. The form fields and every server path use these same functions.

/** Every kind of space a keyboard, a PDF or a spreadsheet puts in: ASCII, no-break, zero-width. */
const SPACES = /[\s\u00A0\u180E\u2000-\u200B\u202F\u205F\u2060\u3000\uFEFF]+/g;

/** Dashes a PDF viewer or a word processor turns '-' into when the number is copied from them. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * An identifier's text (FIN, card number, VÖEN, User ID, receipt number): trimmed, every inner
 * space removed, a–z upper-cased. Only ASCII letters change case, whatever the user's locale: the
 * Azerbaijani ı, ə or i-with-dot stay as typed (JS 'ı'.toUpperCase() is 'I'), so the format
 * check afterwards refuses them instead of silently turning them into another identifier.
 */
export function normalizeIdentifierText(input: string): string {
  return input.replace(SPACES, '').replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/** The receipt numbers this service issues: 'HS-<year of receipt>-<sequence>'. */
const RECEIPT = /^HS-?(\d{4})-?(\d{1,15})$/;

/**
 * A receipt number as typed or pasted, in the form it is issued: ' hs-2026-1000036 ',
 * 'HS 2026 1000036' and 'HS–2026–1000036' (en dashes from a PDF) are all 'HS-2026-1000036'.
 * Text that is not of that shape is only normalised as an identifier; the caller checks it.
 */
export function normalizeReceiptNumber(input: string): string {
  const text = normalizeIdentifierText(input.replace(DASHES, '-'));
  const receipt = RECEIPT.exec(text);
  return receipt ? `HS-${receipt[1]}-${receipt[2]}` : text;
}
