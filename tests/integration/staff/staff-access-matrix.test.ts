import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import { callAction, useAsAppDatabase, type ActionOutcome } from '../helpers/action-harness';
import {
  inSession,
  STAFF_KEYS,
  startEmployerSession,
  startStaffSession,
} from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import type { StaffActor, StaffMatrixCase } from './matrix-types';

// Every staff action × every actor (issue 14): allowed, or NOT_FOUND as designed; an employer
// session is sent to the staff login. The cases come from ./matrix/*.ts, one file per area.

const modules = import.meta.glob<{ CASES: StaffMatrixCase[] }>('./matrix/*.ts', { eager: true });
const CASES = Object.values(modules).flatMap((m) => m.CASES);

const ACTORS: readonly StaffActor[] = [
  'operator',
  'reviewer',
  'head',
  'admin',
  'otherBody',
  'ended',
  'employer',
];

let database: TestDatabase;
const sessions = new Map<StaffActor, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  useAsAppDatabase(database);
  for (const actor of ACTORS) {
    sessions.set(
      actor,
      actor === 'employer'
        ? await startEmployerSession(database.db, 'xezer-director')
        : await startStaffSession(database.db, STAFF_KEYS[actor]),
    );
  }
});
afterAll(async () => database?.close());

/** What `actor` must get from `c`. */
function expected(c: StaffMatrixCase, actor: StaffActor): 'allowed' | 'not-found' | 'login' {
  if (actor === 'employer') return 'login';
  if (actor === 'ended') return 'not-found';
  if (actor === 'otherBody') {
    return c.allowed.includes('operator') && !c.targetsNesimiEmployer ? 'allowed' : 'not-found';
  }
  return c.allowed.includes(actor) ? 'allowed' : 'not-found';
}

function verdict(outcome: ActionOutcome): 'allowed' | 'not-found' | 'login' | 'crash' {
  if (outcome.kind === 'crash') return 'crash';
  if (outcome.kind === 'not-found') return 'not-found';
  if (outcome.kind === 'redirect' && outcome.to === '/admin/login') return 'login';
  return 'allowed';
}

let counter = 0;

describe('staff access matrix', () => {
  it('has cases', () => {
    expect(CASES.length).toBeGreaterThan(0);
  });

  for (const c of CASES) {
    it(`${c.action}`, async () => {
      for (const actor of ACTORS) {
        const n = ++counter;
        const outcome = await inSession(sessions.get(actor)!, () =>
          callAction(() => c.call({ db: database, actor, n }), []),
        );
        const got = verdict(outcome);
        if (got === 'crash') throw (outcome as { error: unknown }).error;
        expect(got, `${c.action} as ${actor}`).toBe(expected(c, actor));
      }
    });
  }
});
