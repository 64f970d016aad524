import { describe, expect, it } from 'vitest';
import { fillTemplate } from '@/lib/domain';

describe('fillTemplate', () => {
  it.each([
    ['{remainderQepik} qalıb', { remainderQepik: 123_456 }, 'az', '1 234,56 ₼ qalıb'],
    ['{remainderQepik} left', { remainderQepik: 123_456 }, 'en', 'AZN 1,234.56 left'],
    ['{count} rows', { count: 123_456 }, 'en', '123456 rows'],
    ['{month}', { month: { kind: 'month', month: '2025-08' } }, 'az', 'Avqust 2025'],
    ['{missing} stays', {}, 'en', '{missing} stays'],
  ] as const)('%s → %s', (template, params, locale, expected) => {
    expect(fillTemplate(template, params, locale)).toBe(expected);
  });
});
