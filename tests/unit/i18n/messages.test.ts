import { describe, expect, it } from 'vitest';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';

const { az, en } = UI_MESSAGES;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

describe('UI message files', () => {
  it('Azerbaijani and English have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(az).sort());
  });

  it('no message is empty', () => {
    for (const text of [...leaves(az), ...leaves(en)]) expect(text.trim()).not.toBe('');
  });

  it('placeholders agree between the languages', () => {
    // The arguments a message takes (a select's branches, e.g. Azerbaijani ordinals, are not arguments).
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w*[A-Za-z_]\w*)[,}]/g)].map((m) => m[1]))].sort();
    const enMap = new Map(
      keys(en).map((k) => [
        k,
        k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en),
      ]),
    );
    for (const key of keys(az)) {
      const azText = key
        .split('.')
        .reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], az);
      expect(placeholders(String(azText)), key).toEqual(placeholders(String(enMap.get(key))));
    }
  });
});
