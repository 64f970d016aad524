import { describe, expect, it } from 'vitest';
import {
  AUTHORITY_CODES,
  BALANCE_CODES,
  CONTRIBUTION_CODES,
  DOMAIN_CODES,
  formatMessage,
  formatMonth,
  IDENTIFIER_CODES,
  isDomainCode,
  MESSAGES,
  MONEY_CODES,
  PENALTY_CODES,
  RECONCILIATION_CODES,
  REPORT_CHECK_CODES,
} from '@/lib/domain';

describe('message catalogue (ARCHITECTURE.md §6)', () => {
  it('has az and en text for every code a module can return', () => {
    const lists = [
      MONEY_CODES,
      IDENTIFIER_CODES,
      CONTRIBUTION_CODES,
      PENALTY_CODES,
      RECONCILIATION_CODES,
      BALANCE_CODES,
      REPORT_CHECK_CODES,
      AUTHORITY_CODES,
    ];
    for (const code of [...DOMAIN_CODES, ...lists.flat()]) {
      expect(isDomainCode(code), code).toBe(true);
      const text = MESSAGES[code];
      expect(text.az.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
      // Both languages use the same placeholders, so params never go missing in one of them.
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text.az), code).toEqual(names(text.en));
    }
  });

  it('has no entries for codes nothing returns', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...DOMAIN_CODES].sort());
  });

  it('uses the fixed field patterns', () => {
    expect(formatMessage('FIN_DIN_FORMAT', {}, 'az')).toBe(
      '7 hərf və ya rəqəm olmalıdır (I və O olmadan)',
    );
    expect(formatMessage('FIN_DIN_FORMAT', {}, 'en')).toBe(
      'Must be exactly 7 letters or digits (no I or O)',
    );
    expect(formatMessage('AMOUNT_EMPTY', {}, 'az')).toBe('Məbləği daxil edin');
    expect(formatMessage('AMOUNT_EMPTY', {}, 'en')).toBe('Enter an amount');
  });

  it('fills money and month params per locale and leaves unknown placeholders visible', () => {
    const params = {
      month: { kind: 'month', month: '2025-08' },
      difference: { kind: 'money', qepik: 50_000 },
      nonLiable: { kind: 'money', qepik: 50_000 },
    } as const;
    expect(formatMessage('RECONCILIATION_NON_LIABLE_INCOME', params, 'en')).toBe(
      'August 2025: AZN 500.00 cannot be distributed because AZN 500.00 of income not subject to MDSS was entered for this month',
    );
    expect(formatMessage('RECONCILIATION_NON_LIABLE_INCOME', params, 'az')).toMatch(
      /^Avqust 2025: 500,00 ₼ bölüşdürülə bilmir/,
    );
    expect(formatMessage('DUPLICATE_FIN', {}, 'en')).toBe('This FIN has already been added: {fin}');
    expect(formatMonth('2025-06', 'az')).toBe('İyun 2025');
    expect(formatMonth('nonsense', 'en')).toBe('nonsense');
  });
});
