// What an identifier field does with typed and pasted text (issue 10 §11), apart from React so it
// can be tested: normalise first, never cut — the server checks the length of the normalised value.
import { normalizeIdentifierText, normalizeReceiptNumber } from '@/lib/domain/identifier-text';

/** Which normalisation a field applies: a general identifier, or a receipt number. */
export type IdentifierKind = 'identifier' | 'receipt';

export function normalizeFor(kind: IdentifierKind, text: string): string {
  return kind === 'receipt' ? normalizeReceiptNumber(text) : normalizeIdentifierText(text);
}

/**
 * The field's value after pasting `pasted` over the selection [start, end) of `value`: the whole
 * result normalised, so ' 3ht8r4n' pasted into an empty FIN field is '3HT8R4N', not ' 3ht8r4'.
 */
export function valueAfterPaste(
  kind: IdentifierKind,
  value: string,
  selection: { start: number | null; end: number | null },
  pasted: string,
): string {
  const start = selection.start ?? value.length;
  const end = selection.end ?? start;
  return normalizeFor(kind, `${value.slice(0, start)}${pasted}${value.slice(end)}`);
}
