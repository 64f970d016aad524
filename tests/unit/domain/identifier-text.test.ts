import { describe, expect, it } from 'vitest';
import { validateFin } from '@/lib/domain';
import { normalizeIdentifierText, normalizeReceiptNumber } from '@/lib/domain/identifier-text';

describe('normalizeIdentifierText (DOMAIN.md §9)', () => {
  it.each([
    [' 3ht8r4n', '3HT8R4N'],
    ['3ht8r4n ', '3HT8R4N'],
    ['3 HT 8R4 N', '3HT8R4N'],
    ['\u00A03ht8r4n\u202F', '3HT8R4N'],
    ['\u200B3ht8r4n\uFEFF', '3HT8R4N'],
    ['\t3ht8r4n\n', '3HT8R4N'],
    ['az 2000 100002', 'AZ2000100002'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(normalizeIdentifierText(input)).toBe(expected));

  it('upper-cases ASCII letters only, whatever the locale: Azerbaijani letters stay for the check to refuse', () => {
    expect(normalizeIdentifierText('i')).toBe('I');
    expect(normalizeIdentifierText('ı')).toBe('ı');
    expect(normalizeIdentifierText('əş')).toBe('əş');
    expect(validateFin(normalizeIdentifierText('3ht8r4ı')).ok).toBe(false);
  });

  it('a FIN pasted with a space before it is still seven characters once normalised', () => {
    const typed = ' 3ht8r4n';
    expect(typed.length).toBe(8);
    expect(normalizeIdentifierText(typed)).toBe('3HT8R4N');
    expect(validateFin(typed)).toEqual({ ok: true, value: '3HT8R4N' });
  });
});

describe('normalizeReceiptNumber', () => {
  it.each([
    ['HS-2026-1000036', 'HS-2026-1000036'],
    ['hs-2026-1000036', 'HS-2026-1000036'],
    ['  hs - 2026 - 1000036 ', 'HS-2026-1000036'],
    ['HS 2026 1000036', 'HS-2026-1000036'],
    ['hs20261000036', 'HS-2026-1000036'],
    ['HS\u20132026\u20141000036', 'HS-2026-1000036'],
    ['HS\u22122026\u20111000036', 'HS-2026-1000036'],
    ['r-1001', 'R-1001'],
    [' 1000042 ', '1000042'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(normalizeReceiptNumber(input)).toBe(expected));
});
