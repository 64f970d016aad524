import { describe, expect, it } from 'vitest';
import {
  escapeLike,
  foldEmployerName,
  NAME_FOLD_FROM,
  NAME_FOLD_TO,
  parseEmployerQuery,
} from '@/lib/domain/staff/employer-search';

describe('employer search query (issue 14 §4)', () => {
  it('folds Azerbaijani letters and case', () => {
    expect(foldEmployerName('"Xəzər Texnologiyaları" MMC')).toBe('"xezer texnologiyalari" mmc');
    expect(foldEmployerName('KÜR  İNŞAAT')).toBe('kur insaat');
    expect(foldEmployerName('Səbail ŞÖBƏSİ çğ')).toBe('sebail sobesi cg');
    expect(NAME_FOLD_FROM.length).toBe(NAME_FOLD_TO.length);
  });

  it('tells digits from names', () => {
    expect(parseEmployerQuery('  ')).toEqual({ kind: 'none' });
    expect(parseEmployerQuery(undefined)).toEqual({ kind: 'none' });
    expect(parseEmployerQuery('1402 345-671')).toEqual({ kind: 'digits', digits: '1402345671' });
    expect(parseEmployerQuery('Xəzər')).toEqual({ kind: 'name', folded: 'xezer' });
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
