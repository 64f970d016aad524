import fc from 'fast-check';
import { expect } from 'vitest';
import { demoIdentity } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import type { Database } from '@/db/types';
import type { Locale } from '@/lib/i18n/locales';
import type { Principal } from '@/lib/server/principal';
import { runWithRequestContext } from '@/lib/server/request-context';

// Server actions called in-process, through the real action client, guard and use cases, on the
// test database: the app's database handle is pointed at it and the session's person is given
// as the request context (the only seam: outside Next.js there is no cookie to read).

const globalForDb = globalThis as unknown as { hesabatDatabase?: Promise<Database> };

/** Makes the app's getDb() answer `database` for the rest of the test file. */
export function useAsAppDatabase(database: Database): void {
  globalForDb.hesabatDatabase = Promise.resolve(database);
}

/** A demo identity signed in with its card, acting for `employerKey` (or none chosen). */
export function principalOf(identityKey: string, employerKey: string | null): Principal {
  const who = demoIdentity(identityKey);
  return {
    fin: who.fin,
    surname: who.surname,
    name: who.name,
    patronymic: who.patronymic,
    certificateSerial: `CARD-${who.cardNumber}`,
    method: 'ESIGN',
    employerId: employerKey ? seedEmployer(employerKey).id : null,
  };
}

/**
 * Runs `fn` as `principal` in `locale`. `browser`: the test browser's `hesabat-signing` cookie
 * (signing sessions are bound to the browser that started them); without it the call is a
 * browser with no cookie, and a start within it sets one for that call only.
 */
export function asPerson<T>(
  principal: Principal | null,
  fn: () => Promise<T>,
  locale: Locale = 'az',
  browser?: string,
): Promise<T> {
  return runWithRequestContext(
    { principal, locale, ...(browser ? { browserSecret: browser } : {}) },
    fn,
  );
}

export type ActionOutcome =
  | { kind: 'value'; value: unknown }
  | { kind: 'refusal'; message: string; code?: string }
  | { kind: 'not-found' }
  | { kind: 'redirect'; to: string }
  | { kind: 'crash'; error: unknown };

/** What calling an action did, the way a browser would see it (a thrown bug is a 500). */
export async function callAction(
  action: (...args: unknown[]) => Promise<unknown>,
  args: unknown[],
): Promise<ActionOutcome> {
  try {
    const value = await action(...args);
    if (typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false) {
      const r = value as { message: string; code?: string };
      return { kind: 'refusal', message: r.message, code: r.code };
    }
    return { kind: 'value', value };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404'))
      return { kind: 'not-found' };
    if (typeof digest === 'string' && digest === 'NEXT_NOT_FOUND') return { kind: 'not-found' };
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT'))
      return { kind: 'redirect', to: digest.split(';')[2] ?? '' };
    return { kind: 'crash', error };
  }
}

/** Anything a browser can send as a server action argument, most of it wrong. */
export const hostileArg: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null]),
  fc.constant(''),
  fc.constant('\u0000'),
  fc.constant('a\u0000b'),
  fc.constant('x'.repeat(100_000)),
  fc.constant('00000000-0000-4000-8000-000000000000'),
  fc.uuid(),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.constant(Number.MAX_VALUE),
  fc.constant(9_007_199_254_740_993),
  fc.boolean(),
  fc.dictionary(
    fc.string({ maxLength: 8 }),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    {
      maxKeys: 4,
    },
  ),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 4 }),
);

/** Asserts an outcome is one a user can get: no crash, and no raw code or library text shown. */
export function expectHandled(name: string, args: unknown[], outcome: ActionOutcome): void {
  if (outcome.kind === 'crash') {
    throw new Error(
      `${name}(${JSON.stringify(args).slice(0, 200)}) crashed: ${String((outcome.error as Error)?.stack ?? outcome.error)}`,
    );
  }
  if (outcome.kind === 'refusal') {
    expect(outcome.message, name).not.toMatch(/^[A-Z_]{4,}$/);
    expect(outcome.message, name).not.toMatch(/\{\w+\}|Error:|undefined|ZodError|invalid_type/);
  }
}
