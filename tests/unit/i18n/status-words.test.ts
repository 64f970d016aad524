import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
import { STATUS_WORD_KEYS, statusWordKey } from '@/lib/i18n/status-words';

// Issue 10 §8: one distinct word per status, the same on the badge, the timeline, the
// sendings, the outcome and the receipt; and the ID card is always "DİN", never "DIN".

type Tree = { [key: string]: string | Tree };

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

/** Every Azerbaijani text still written in TypeScript: the `az: '…'` of the message catalogues. */
function azTextsInSource(): string[] {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/\baz:\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) texts.push(m[2]!);
      }
    }
  };
  for (const dir of ['lib', 'app', 'components', 'auth']) walk(join(process.cwd(), dir));
  return texts;
}

describe('status words', () => {
  const az = UI_MESSAGES.az as Tree;
  const en = UI_MESSAGES.en as Tree;
  const words = (tree: Tree) => tree.reportStatus as Record<string, string>;

  it('every status has its own word in Azerbaijani and in English', () => {
    for (const tree of [az, en]) {
      const list = STATUS_WORD_KEYS.map((k) => words(tree)[k]);
      expect(list.every((w) => typeof w === 'string' && w.length > 0)).toBe(true);
      expect(new Set(list.map((w) => w!.toLocaleLowerCase('az'))).size).toBe(list.length);
    }
    expect(words(az)).toEqual({
      DRAFT: 'Qaralama',
      RECEIVED: 'Daxil olub',
      ACCEPTED: 'Qəbul edildi',
      RETURNED: 'Geri qaytarıldı',
      REPLACED: 'Əvəz edildi',
    });
  });

  it('a sent report reads as received; unknown statuses have no word', () => {
    expect(statusWordKey('SENT')).toBe('RECEIVED');
    expect(statusWordKey('RECEIVED')).toBe('RECEIVED');
    expect(statusWordKey('REPLACED')).toBe('REPLACED');
    expect(statusWordKey('PENDING')).toBeNull();
  });

  it('the receipt uses the same words', () => {
    for (const tree of [az, en]) {
      const receipt = tree.receipt as Record<string, string>;
      for (const key of ['RECEIVED', 'ACCEPTED', 'RETURNED'] as const)
        expect(receipt[`status${key}`], key).toBe(words(tree)[key]);
    }
  });

  it('no Azerbaijani text calls "received" by the words of "accepted" or "confirmed"', () => {
    const all = [...leaves(az), ...azTextsInSource()];
    expect(all.filter((text) => /qəbul olun(du|ub)|təsdiq edilib/i.test(text))).toEqual([]);
  });

  it('the ID card is "DİN" with the dotted İ in every Azerbaijani text', () => {
    const all = [...leaves(az), ...azTextsInSource()];
    expect(all.length).toBeGreaterThan(500);
    expect(all.filter((text) => /\bDIN\b/.test(text))).toEqual([]);
  });
});
