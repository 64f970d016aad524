import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import { demoIdentity } from '@/db/seed/demo-identities';
import { resolveStaffAccess } from '@/lib/server/access';
import {
  endStaffAccount,
  listStaffAccounts,
  openStaffAccount,
} from '@/lib/server/staff/accounts/staff-accounts';
import { todayInBaku } from '@/lib/server/clock';
import { asPerson, callAction, useAsAppDatabase } from '../helpers/action-harness';
import { inSession, STAFF_KEYS, startStaffSession, staffScopeOf } from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { openStaffAccountAction } from '@/app/admin/(dashboard)/staff/actions';

// Staff accounts (issue 14 §1): opened by an administrator for a registry person, never
// overlapping, ended from the next request on.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  useAsAppDatabase(database);
});
afterAll(async () => database?.close());

const orxan = demoIdentity('free-person');
const actor = {
  fin: orxan.fin,
  certificateSerial: `CARD-${orxan.cardNumber}`,
  method: 'ESIGN' as const,
};
const valid = (patch: Record<string, string> = {}) => ({
  fin: orxan.fin,
  role: 'OPERATOR',
  localBodyCode: '07',
  activeFrom: todayInBaku(),
  reason: 'Əmr № 12, 01.12.2026',
  ...patch,
});

describe('staff accounts', () => {
  it('opens an account that the guard honours at once, and refuses a second one', async () => {
    const admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
    expect((await resolveStaffAccess(database.db, actor, null, new Date())).ok).toBe(false);
    const { staffId } = await openStaffAccount(database.db, admin, valid());
    const access = await resolveStaffAccess(database.db, actor, 'OPERATOR', new Date());
    expect(access).toMatchObject({ ok: true, scope: { staffId, localBodyCode: '07' } });
    await expect(openStaffAccount(database.db, admin, valid())).rejects.toMatchObject({
      code: 'STAFF_ACCOUNT_EXISTS',
      field: 'fin',
    });
    const list = await listStaffAccounts(database.db, admin, { page: 1 });
    expect(list.rows.some((r) => r.id === staffId && r.live)).toBe(true);

    await endStaffAccount(database.db, admin, { staffId, reason: 'Əmr № 13' });
    expect(await resolveStaffAccess(database.db, actor, null, new Date(Date.now() + 1000))).toEqual(
      {
        ok: false,
        reason: 'NOT_STAFF',
      },
    );
    await expect(
      endStaffAccount(
        database.db,
        admin,
        { staffId, reason: 'again' },
        new Date(Date.now() + 1000),
      ),
    ).rejects.toMatchObject({ code: 'STAFF_ACCOUNT_ENDED' });
  });

  it('refuses each wrong field at its place, all at once', async () => {
    const admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
    await expect(
      openStaffAccount(database.db, admin, valid({ role: 'ADMIN', localBodyCode: '03' })),
    ).rejects.toMatchObject({ code: 'STAFF_BODY_FOR_ADMIN', field: 'localBodyCode' });
    await expect(
      openStaffAccount(database.db, admin, valid({ localBodyCode: '' })),
    ).rejects.toMatchObject({ code: 'STAFF_BODY_REQUIRED' });
    await expect(
      openStaffAccount(database.db, admin, valid({ localBodyCode: '99' })),
    ).rejects.toMatchObject({ code: 'STAFF_BODY_UNKNOWN' });
    await expect(
      openStaffAccount(database.db, admin, valid({ fin: 'AAAAAAA' })),
    ).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    try {
      await openStaffAccount(
        database.db,
        admin,
        valid({ fin: 'x', role: 'BOSS', activeFrom: '2020-01-01', reason: ' ' }),
      );
      expect.unreachable();
    } catch (error) {
      const fields = (error as { fieldErrors: { field?: string }[] }).fieldErrors.map(
        (e) => e.field,
      );
      expect(fields).toEqual(['fin', 'role', 'activeFrom', 'reason']);
    }
  });

  it('lets no administrator end their own account, and nobody else manage accounts', async () => {
    const admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
    await expect(
      endStaffAccount(database.db, admin, { staffId: admin.staffId, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'STAFF_SELF_END' });
    const head = await staffScopeOf(database.db, STAFF_KEYS.head);
    await expect(listStaffAccounts(database.db, head, { page: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('answers hostile input through the action with a message, never a crash', async () => {
    const session = await startStaffSession(database.db, STAFF_KEYS.admin);
    for (const args of [
      [null],
      [{ ...valid(), fin: 'a\u0000b' }],
      [{ ...valid(), reason: 'x'.repeat(10_000) }],
      [],
    ]) {
      const outcome = await inSession(session, () => callAction(openStaffAccountAction, args));
      expect(outcome.kind).toBe('refusal');
    }
    // A principal handed over directly is an employer's: never staff.
    const direct = await asPerson(null, () => callAction(openStaffAccountAction, [valid()]));
    expect(direct.kind).toBe('redirect');
  });
});
