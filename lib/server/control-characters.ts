import 'server-only';

// One rule for every boundary (server actions, the payroll API, pages reading their URL): a
// control character never belongs in anything a browser or client sends us. PostgreSQL refuses a
// NUL in text outright (an error, so a 500), and the others only hide what a value says.

/** Control characters no text takes (NUL included); tab, line feed and carriage return pass. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The same, with tab and line breaks too: for single-line values (an id, a code, a search). */
export const LINE_CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export type ValuePath = (string | number)[];

// Deeper than any form or payload we take; past it zod's own shape check refuses the value.
const MAX_DEPTH = 32;

function isPlainContainer(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The path of the first string in `value` — an object key or value, an array item, a FormData
 * field's name, text or file name — that holds a control character; null when there is none.
 */
export function findControlCharacters(value: unknown, path: ValuePath = []): ValuePath | null {
  if (typeof value === 'string') return CONTROL_CHARACTERS.test(value) ? path : null;
  if (typeof value !== 'object' || value === null || path.length > MAX_DEPTH) return null;
  if (typeof FormData !== 'undefined' && value instanceof FormData) {
    for (const [key, entry] of value.entries()) {
      if (CONTROL_CHARACTERS.test(key)) return [...path, key];
      const text = typeof entry === 'string' ? entry : entry.name;
      if (CONTROL_CHARACTERS.test(text)) return [...path, key];
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacters(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainContainer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL_CHARACTERS.test(key)) return [...path, key];
    const found = findControlCharacters(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A URL's search parameter (or a route's param) with a control character: never looked up. */
export function hasLineControlCharacters(value: string | readonly string[] | undefined): boolean {
  if (value === undefined) return false;
  return (typeof value === 'string' ? [value] : value).some((v) => LINE_CONTROL_CHARACTERS.test(v));
}
