import { it, expect } from 'vitest';
import { createTranslator } from 'next-intl';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
it('ordinals', () => {
  const t = createTranslator({ locale: 'az', messages: UI_MESSAGES.az as never });
  expect([1, 2, 3, 4].map((n) => t('registry.quarterN' as never, { n } as never))).toEqual([
    '1-ci rüb',
    '2-ci rüb',
    '3-cü rüb',
    '4-cü rüb',
  ]);
  expect(t('registry.period' as never, { year: 2026, quarter: 3 } as never)).toBe('2026, 3-cü rüb');
});
