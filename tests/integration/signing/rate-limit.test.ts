import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { consumeRateLimit } from '@/lib/server/rate-limit';
import { signingMessage } from '@/lib/server/signing/errors';
import { startAsanLogin } from '@/lib/server/signing/start-asan-login';
import { listCardCertificates } from '@/lib/server/simulators/list-card-certificates';
import { simulatorsEnabled, SimulatorsDisabledError } from '@/lib/server/simulators/enabled';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { testBrowser } from '../helpers/test-browser';

describe('consumeRateLimit (fixed window in PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  const t0 = new Date('2026-11-25T10:00:00.000Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const consume = (key: string, seconds: number, limit = 3) =>
    consumeRateLimit(database.db, { key, limit, windowSeconds: 60, now: at(seconds) });

  it('allows `limit` attempts per window, then says how long to wait; a new window starts afresh', async () => {
    expect(await consume('k1', 0)).toEqual({ ok: true, remaining: 2 });
    expect(await consume('k1', 10)).toEqual({ ok: true, remaining: 1 });
    expect(await consume('k1', 20)).toEqual({ ok: true, remaining: 0 });
    expect(await consume('k1', 30)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(await consume('k1', 59.5)).toEqual({ ok: false, retryAfterSeconds: 1 });
    // The window opened at 0 ends at 60: the next attempt opens a new one.
    expect(await consume('k1', 60)).toEqual({ ok: true, remaining: 2 });
    expect(await consume('k1', 119)).toEqual({ ok: true, remaining: 1 });
    expect(await consume('k1', 500)).toEqual({ ok: true, remaining: 2 });
  });

  it('keeps keys apart', async () => {
    expect(await consume('a', 0, 1)).toEqual({ ok: true, remaining: 0 });
    expect(await consume('b', 0, 1)).toEqual({ ok: true, remaining: 0 });
    expect(await consume('a', 1, 1)).toEqual({ ok: false, retryAfterSeconds: 59 });
  });

  it('counts parallel attempts exactly (one atomic statement)', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => consume('burst', 0, 5)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const remaining = results.flatMap((r) => (r.ok ? [r.remaining] : [])).sort();
    expect(remaining).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses nonsense limits as a programming error', async () => {
    await expect(
      consumeRateLimit(database.db, { key: 'x', limit: 0, windowSeconds: 60, now: t0 }),
    ).rejects.toThrow(RangeError);
  });
});

describe('Asan İmza request limits (issue 4 §10)', () => {
  // No seed needed: unknown registrations answer ASAN_NOT_FOUND until the limit answers first.
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => database.close());

  it('limits Asan requests per phone: the 6th in a minute answers RATE_LIMITED with the wait', async () => {
    const phone = '+994551234567';
    for (let i = 0; i < 5; i += 1) {
      expect(await startAsanLogin(db, { browser: testBrowser, phone, userId: '123456' })).toEqual({
        ok: false,
        code: 'ASAN_NOT_FOUND',
      });
    }
    const limited = await startAsanLogin(db, {
      browser: testBrowser,
      phone: '055 123 45 67',
      userId: '654321',
    });
    expect(limited).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    const seconds = (limited as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(signingMessage('RATE_LIMITED', { seconds }, 'az')).toBe(
      `Çox sayda cəhd. ${seconds} saniyə sonra yenidən cəhd edin.`,
    );
  });

  it('limits Asan requests per IP across phones', async () => {
    const ip = '192.0.2.77';
    const results = [];
    for (let i = 0; i < 21; i += 1) {
      results.push(
        await startAsanLogin(db, {
          browser: testBrowser,
          phone: `+99450700${String(i).padStart(4, '0')}`,
          userId: '123456',
          ip,
        }),
      );
    }
    expect(results.slice(0, 20).every((r) => !r.ok && r.code === 'ASAN_NOT_FOUND')).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });
});

describe('simulator switch and messages', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('SIMULATORS=on/off wins; unset means on except in production', () => {
    // Production runs them only where the deployment says it is a demo (issue 12 §9).
    expect(
      simulatorsEnabled({
        SIMULATORS: 'on',
        NODE_ENV: 'production',
        SIMULATORS_ALLOW_PRODUCTION: 'yes',
      }),
    ).toBe(true);
    expect(simulatorsEnabled({ SIMULATORS: 'on', NODE_ENV: 'production' })).toBe(false);
    expect(simulatorsEnabled({ SIMULATORS: 'off', NODE_ENV: 'development' })).toBe(false);
    expect(simulatorsEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(simulatorsEnabled({ NODE_ENV: 'test' })).toBe(true);
    expect(simulatorsEnabled({ NODE_ENV: 'development' })).toBe(true);
  });

  it('simulator use cases refuse to run when simulators are off', async () => {
    vi.stubEnv('SIMULATORS', 'off');
    // Never reaches the database: the switch is checked first.
    await expect(listCardCertificates(null as never)).rejects.toThrow(SimulatorsDisabledError);
  });

  it('fills message parameters in both languages', () => {
    expect(signingMessage('WRONG_PIN', { triesLeft: 2 }, 'az')).toBe(
      'PIN kod səhvdir. Qalan cəhd: 2',
    );
    expect(signingMessage('WRONG_PIN', { triesLeft: 1 }, 'en')).toBe('Wrong PIN. Tries left: 1');
    expect(signingMessage('TIMEOUT', {}, 'az')).toBe(
      'Təsdiq üçün vaxt (2 dəqiqə) bitdi. Yenidən cəhd edin.',
    );
  });
});
