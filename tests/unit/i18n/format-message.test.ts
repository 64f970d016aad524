import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
import { formatMessage } from '@/lib/i18n/client/format-message';
import { LOCALES } from '@/lib/i18n/locales';
import { sourceFiles, readSource } from '../source-files';

// The browser formats its texts with lib/i18n/client/format-message.ts, the server with
// next-intl: every text a client subtree is handed must read the same both ways.

const clientNamespaces = [
  ...new Set(
    sourceFiles('app')
      .map(readSource)
      .flatMap((text) => [...text.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)])
      .flatMap((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((n) => n[1]!)),
  ),
];

function texts(node: unknown, prefix: string): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => texts(value, `${prefix}.${key}`));
}

const SAMPLES: (string | number)[] = [0, 1, 2, 3, 4, 5, 21, 1234, 'x'];

describe('the browser’s formatter reads every client text as next-intl does', () => {
  it('covers the client namespaces', () => {
    expect(clientNamespaces).toEqual(expect.arrayContaining(['login', 'wizardPersons']));
  });

  for (const locale of LOCALES) {
    it(`${locale}: every text of every client namespace, with sample values`, () => {
      const mismatches: string[] = [];
      for (const namespace of clientNamespaces) {
        for (const [key, message] of texts(UI_MESSAGES[locale][namespace], namespace)) {
          const args = [
            ...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)/g)].map((m) => m[1]!)),
          ];
          const translate = createTranslator({ locale, messages: { m: message } });
          for (const sample of args.length ? SAMPLES : [null]) {
            const values = Object.fromEntries(args.map((a) => [a, sample as string | number]));
            const expected = translate('m', values);
            const actual = formatMessage(message, values, locale);
            if (actual !== expected)
              mismatches.push(`${key} ${JSON.stringify(values)}: ${actual} ≠ ${expected}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('plural, select, # and quoting', () => {
    const unread = '{count, plural, =0 {none} one {# message} other {# messages}}';
    expect(formatMessage(unread, { count: 0 }, 'en')).toBe('none');
    expect(formatMessage(unread, { count: 1 }, 'en')).toBe('1 message');
    expect(formatMessage(unread, { count: 1234 }, 'en')).toBe('1,234 messages');
    expect(formatMessage('{q, select, 3 {3-cü} other {{q}-ci}} rüb', { q: 2 }, 'az')).toBe(
      '2-ci rüb',
    );
    expect(formatMessage("the employer's '{code}'", {}, 'en')).toBe("the employer's {code}");
    expect(() => formatMessage('{n, number}', { n: 1 }, 'en')).toThrow(/unsupported/);
  });
});
