import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { Principal } from '@/lib/server/principal';
import { insertKurIds } from '../helpers/foreign-ids';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  asPerson,
  callAction,
  expectHandled,
  hostileArg,
  principalOf,
  useAsAppDatabase,
  type ActionOutcome,
} from '../helpers/action-harness';

// Auth.js needs a real request (its cookies): the double runs our authorize() and nothing else.
vi.mock('@/auth', () => import('../helpers/auth-double'));

// Every server action outside the report wizard (issue 11 §1, "Done means"), found by iterating
// the modules' exports so a new action is fuzzed without editing this file.
const MODULES = {
  login: () => import('@/app/(public)/login/actions'),
  verify: () => import('@/app/(public)/verify/actions'),
  signOut: () => import('@/app/sign-out-action'),
  locale: () => import('@/lib/i18n/set-locale-action'),
  phone: () => import('@/app/simulator/phone/actions'),
  employers: () => import('@/app/(employer)/employers/actions'),
  authorities: () => import('@/app/(employer)/authorities/actions'),
  apiTokens: () => import('@/app/(employer)/reports/api-tokens/actions'),
  registry: () => import('@/app/(employer)/reports/registry/actions'),
  sendReport: () => import('@/app/(employer)/reports/sending/report-actions'),
  sendQuarter: () => import('@/app/(employer)/reports/sending/quarter-actions'),
  corrective: () => import('@/app/(employer)/reports/sending/corrective-actions'),
  messages: () => import('@/app/(employer)/cabinet/messages/actions'),
};

/** Runs per action and person. */
const RUNS = 100;

type Action = { name: string; fn: (...args: unknown[]) => Promise<unknown> };

async function everyAction(): Promise<Action[]> {
  const found: Action[] = [];
  for (const [area, load] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(await load())) {
      if (typeof value === 'function')
        found.push({ name: `${area}.${name}`, fn: value as Action['fn'] });
    }
  }
  return found;
}

/** Every field name these actions read, so objects and forms reach past the first check. */
const FIELDS = [
  'sessionId',
  'code',
  'serial',
  'pin',
  'phone',
  'userId',
  'jws',
  'cancel',
  'employerId',
  'authorityId',
  'tokenId',
  'name',
  'reportId',
  'returnQuery',
  'batchId',
  'year',
  'quarter',
  'locale',
  'file',
  'service',
  'method',
  'cardNumber',
  'fin',
  'indefinite',
  'validFrom',
  'validTo',
  'subject',
  'body',
  'parentId',
  'attachments',
] as const;

/** Messages a value carries anywhere inside it (results of a quarter, a session's words). */
function messagesIn(value: unknown, depth = 0): string[] {
  if (depth > 4 || typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'message' && typeof v === 'string' ? [v] : messagesIn(v, depth + 1),
  );
}

describe('every other server action, fuzzed (issue 11 §1)', () => {
  let database: TestDatabase;
  let ids: string[];
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
    const db = database.db;
    const kur = await insertKurIds(db);
    const xezerDraft = await insertDraftReport(db, { activityCode: '47.41' });
    ids = [...Object.values(kur), xezerDraft, seedEmployer('xezer').id];
  });
  afterAll(async () => database?.close());

  it('answers wrong-typed, missing, oversized and foreign input without a 500 or a raw code', async () => {
    const actions = await everyAction();
    // 6 sign-in and card actions, /verify, sign-out, language, phone, employer choice, 3
    // authorities, 2 tokens, delete, 4 + 2 sending, corrective: a missing module fails here.
    expect(actions.length).toBeGreaterThanOrEqual(22);

    const id = fc.oneof(
      fc.constantFrom(...ids),
      fc.uuid(),
      fc.constant('00000000-0000-4000-8000-000000000000'),
    );
    const plausible = fc.constantFrom(
      '',
      '1234',
      '12345',
      '123456',
      '+994501234567',
      '050 123 45 67',
      'az',
      'en',
      'ESIGN',
      'ASAN',
      'REPORTS',
      'AUTHORITIES',
      '2026-12-31',
      'status=DRAFT&page=2',
      'a\u0007b',
      'ş'.repeat(5000),
    );
    const file = fc.oneof(
      fc.constant(new File([], 'empty.json')),
      fc.string({ maxLength: 200 }).map((s) => new File([s], 'signed.json')),
      fc.constant(new File(['{"schema":"hesabat.receipt/1"}'], 'receipt.json')),
    );
    const value = fc.oneof(
      hostileArg,
      id,
      plausible,
      file,
      fc.integer({ min: 2015, max: 2030 }),
      fc.constantFrom(1, 2, 3, 4, 0, -1, 1e308, Number.NaN, -Infinity),
      fc.boolean(),
    );
    // Each field mostly gets a value of its own kind (so calls get past the schema to the use
    // cases), sometimes anything at all.
    const own = (key: (typeof FIELDS)[number]): fc.Arbitrary<unknown> => {
      if (/Id$/.test(key)) return id;
      if (key === 'pin') return fc.constantFrom('1234', '12345', '0000', '99999');
      if (key === 'year') return fc.integer({ min: 2018, max: 2027 });
      if (key === 'quarter') return fc.integer({ min: 0, max: 5 });
      if (key === 'cancel' || key === 'indefinite') return fc.boolean();
      if (key === 'file') return file;
      return plausible;
    };
    const object = fc.record(
      Object.fromEntries(
        FIELDS.map((key) => [
          key,
          fc.oneof({ arbitrary: own(key), weight: 4 }, { arbitrary: value, weight: 1 }),
        ]),
      ),
      { requiredKeys: [] },
    );
    const form = object.map((fields) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields))
        // A hostile dictionary may have no toString (null prototype): written as JSON instead.
        data.append(
          k,
          v instanceof File
            ? v
            : typeof v === 'object' && v !== null
              ? JSON.stringify(v)
              : String(v),
        );
      return data;
    });
    const args = fc.oneof(
      fc.array(fc.oneof(value, object, form, fc.constant(undefined)), { maxLength: 3 }),
      fc.tuple(id),
      fc.tuple(object),
      fc.tuple(form),
      // useActionState's shape: the previous state, then the form.
      fc.tuple(fc.constant(null), form),
    );

    const people: { label: string; principal: Principal | null }[] = [
      { label: 'nobody', principal: null },
      { label: 'xezer-director', principal: principalOf('xezer-director', 'xezer') },
      { label: 'free-person', principal: principalOf('free-person', null) },
    ];
    const kinds: Record<ActionOutcome['kind'], number> = {
      value: 0,
      refusal: 0,
      'not-found': 0,
      redirect: 0,
      crash: 0,
    };
    let calls = 0;
    const started = Date.now();
    for (const action of actions) {
      for (const person of people) {
        await fc.assert(
          fc.asyncProperty(args, fc.constantFrom<'az' | 'en'>('az', 'en'), async (list, locale) => {
            const outcome = await asPerson(
              person.principal,
              () => callAction(action.fn, list),
              locale,
            );
            calls += 1;
            kinds[outcome.kind] += 1;
            const label = `${action.name} as ${person.label}`;
            expectHandled(label, list, outcome);
            if (outcome.kind === 'value') {
              for (const message of messagesIn(outcome.value))
                expectHandled(label, list, { kind: 'refusal', message });
            }
          }),
          { numRuns: RUNS, seed: 11 },
        );
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `other-actions fuzz: ${calls} calls of ${actions.length} actions in ${seconds.toFixed(1)} s`,
      kinds,
    );
    expect(kinds.crash).toBe(0);
    expect(calls).toBe(actions.length * people.length * RUNS);
  });
});
