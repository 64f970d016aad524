import { describe, expect, it } from 'vitest';
import { normalizeFor, valueAfterPaste } from '@/components/ui/identifier-input';

// Issue 10 §11: a FIN pasted as ' 3ht8r4n' was cut to ' 3ht8r4' by maxLength=7, then refused.
describe('identifier fields: normalise before any length limit', () => {
  it('pasting " 3ht8r4n" into an empty FIN field gives 3HT8R4N', () => {
    expect(valueAfterPaste('identifier', '', { start: 0, end: 0 }, ' 3ht8r4n')).toBe('3HT8R4N');
  });

  it('pastes over the selection and normalises the whole value', () => {
    expect(valueAfterPaste('identifier', '3HT', { start: 3, end: 3 }, ' 8r4n ')).toBe('3HT8R4N');
    expect(
      valueAfterPaste('identifier', 'XXXXXXX', { start: 0, end: 7 }, '\u00A03ht8r4n\u00A0'),
    ).toBe('3HT8R4N');
    expect(valueAfterPaste('identifier', '3HT8R4N', { start: null, end: null }, '')).toBe(
      '3HT8R4N',
    );
  });

  it('a receipt field writes the number as issued', () => {
    expect(valueAfterPaste('receipt', '', { start: 0, end: 0 }, ' hs–2026–1000036 ')).toBe(
      'HS-2026-1000036',
    );
    expect(normalizeFor('receipt', 'hs 2026 1000036')).toBe('HS-2026-1000036');
  });

  it('typed text is normalised when the field is left', () => {
    expect(normalizeFor('identifier', ' az 2000 100002 ')).toBe('AZ2000100002');
  });
});
