import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_CODES, MESSAGES } from '@/lib/domain';
import { errorTemplate } from '@/lib/server/error-messages';
import { APP_ERROR_CODES } from '@/lib/server/errors';
import { SIGNING_CODES, signingMessage } from '@/lib/server/signing/errors';

const ROOT = path.resolve(__dirname, '../../..');
const MESSAGES_DIR = path.join(ROOT, 'lib/i18n/messages');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('every text lives in lib/i18n, in both languages (issue 11 §2)', () => {
  it('each az-*.json has an en-*.json with exactly the same keys', () => {
    const files = readdirSync(MESSAGES_DIR).filter((f) => f.startsWith('az'));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const az = JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), 'utf8'));
      const en = JSON.parse(
        readFileSync(path.join(MESSAGES_DIR, file.replace(/^az/, 'en')), 'utf8'),
      );
      expect(keys(en).sort(), file).toEqual(keys(az).sort());
    }
  });

  it('every AppError code, domain code and signing outcome has an az and an en text', () => {
    for (const code of APP_ERROR_CODES) {
      expect(errorTemplate(code, 'az')?.trim(), code).toBeTruthy();
      expect(errorTemplate(code, 'en')?.trim(), code).toBeTruthy();
    }
    for (const code of DOMAIN_CODES) {
      expect(MESSAGES[code].az?.trim(), code).toBeTruthy();
      expect(MESSAGES[code].en?.trim(), code).toBeTruthy();
    }
    for (const code of SIGNING_CODES) {
      expect(signingMessage(code, {}, 'az')).not.toBe(signingMessage(code, {}, 'en'));
    }
  });

  it('no az/en text pair is left in a TypeScript file of the app', () => {
    const sources = ['app', 'components', 'lib', 'auth'].flatMap((d) => walk(path.join(ROOT, d)));
    const offenders = sources.filter((file) =>
      /\b(az|en)\s*:\s*['"`][^'"`]*[A-Za-zƏəİıĞğŞşÇçÖöÜü]{2}/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
