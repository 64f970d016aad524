// Searching employers by what a staff member types (issue 14 §4): a name however it is spelt
// (Azerbaijani letters or their Latin look-alikes, any case), a VÖEN or a DSMF registration
// number. Pure; the SQL side applies the same folding to the column (EMPLOYER_NAME_FOLD).

/** The Azerbaijani letters and what each folds to (both cases): ə→e, ı/İ→i, ö→o … */
export const NAME_FOLD_FROM = 'ƏəIıİÖöÜüĞğŞşÇç';
export const NAME_FOLD_TO = 'eeiiioouuggsscc';

/** The longest query taken; anything past it is cut. */
export const EMPLOYER_QUERY_MAX = 100;

/** `text` folded for comparison: Azerbaijani letters to Latin, lower case, spaces collapsed. */
export function foldEmployerName(text: string): string {
  let out = '';
  for (const ch of text) {
    const i = NAME_FOLD_FROM.indexOf(ch);
    out += i >= 0 ? NAME_FOLD_TO[i] : ch;
  }
  return out.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern's literal text: %, _ and the escape character itself taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type EmployerQuery =
  { kind: 'none' } | { kind: 'digits'; digits: string } | { kind: 'name'; folded: string };

/**
 * What a query asks for: nothing (blank), digits (a VÖEN or a DSMF number, whole or its start;
 * spaces and dashes typed between digits ignored) or a name (a folded part of it).
 */
export function parseEmployerQuery(raw: string | undefined | null): EmployerQuery {
  const text = (raw ?? '').slice(0, EMPLOYER_QUERY_MAX).trim();
  if (text === '') return { kind: 'none' };
  const digits = text.replace(/[\s-]/g, '');
  if (/^[0-9]+$/.test(digits)) return { kind: 'digits', digits };
  const folded = foldEmployerName(text);
  return folded === '' ? { kind: 'none' } : { kind: 'name', folded };
}
