import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { Db } from '@/db/types';
import type { Principal } from '@/lib/server/principal';
import { demoActor, ensureDemoCertificates, insertAuthority } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The session-reading guard, wired to a test session and the test database.
const session = vi.hoisted(() => ({ principal: null as Principal | null, db: null as Db | null }));
// The cookie names an employer session: the staff dashboard's reader finds no staff session in it.
vi.mock('@/auth/principal', () => ({
  getPrincipal: async () => session.principal,
  getStaffPrincipal: async () => null,
}));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: async () => session.db,
}));

const {
  requireEmployerAccess,
  requireEmployerServices,
  requirePrincipal,
  requireStaff,
  sessionEmployerAccess,
  sessionEmployerName,
} = await import('@/lib/server/access');

const XEZER = seedEmployer('xezer').id;

function principal(key: string, employerId: string | null): Principal {
  return { ...demoActor(key), surname: 'S', name: 'N', patronymic: 'P', employerId };
}

describe('requireEmployerAccess', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    vi.stubEnv('HESABAT_NOW', '2026-11-25T10:00:00Z');
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    session.db = database.db;
  });
  beforeEach(() => {
    session.principal = null;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  it('sends a visitor without a session to the login page', async () => {
    await expect(requirePrincipal()).rejects.toMatchObject({
      digest: expect.stringContaining('NEXT_REDIRECT;replace;/login;'),
    });
    await expect(requireEmployerAccess('REPORTS')).rejects.toMatchObject({
      digest: expect.stringContaining(';/login;'),
    });
  });

  it('sends a person who has not chosen an employer to the employer choice', async () => {
    session.principal = principal('xezer-director', null);
    await expect(requireEmployerAccess('REPORTS')).rejects.toMatchObject({
      digest: expect.stringContaining(';/employers;'),
    });
  });

  it('returns a scope for the chosen employer', async () => {
    session.principal = principal('xezer-director', XEZER);
    expect(await requireEmployerAccess('AUTHORITIES')).toMatchObject({
      employerId: XEZER,
      via: 'RESPONSIBLE',
    });
  });

  it('answers not-found and audits when the authority has ended, on the very next call', async () => {
    session.principal = principal('free-person', XEZER);
    await insertAuthority(database.db, {
      employerId: XEZER,
      holderKey: 'free-person',
      service: 'REPORTS',
      validTo: '2026-11-25',
    });
    expect(await requireEmployerAccess('REPORTS')).toMatchObject({ via: 'AUTHORITY' });
    vi.stubEnv('HESABAT_NOW', '2026-11-25T20:30:00Z'); // 00:30 on 2026-11-26 in Baku
    await expect(requireEmployerAccess('REPORTS')).rejects.toMatchObject({
      digest: 'NEXT_HTTP_ERROR_FALLBACK;404',
    });
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.actorFin, demoActor('free-person').fin), eq(auditLog.outcome, 'DENIED')),
      );
    expect(audits.map((a) => [a.action, a.employerId, a.details])).toEqual([
      ['ACCESS', XEZER, { service: 'REPORTS', reason: 'NO_AUTHORITY' }],
    ]);
    vi.stubEnv('HESABAT_NOW', '2026-11-25T10:00:00Z');
  });

  it('lists the services of the chosen employer for the service home', async () => {
    session.principal = principal('xezer-director', XEZER);
    expect([...(await requireEmployerServices())].sort()).toEqual([
      'AUTHORITIES',
      'EMPLOYER_DATA',
      'REPORTS',
    ]);
    session.principal = principal('kur-accountant', XEZER);
    await expect(requireEmployerServices()).rejects.toMatchObject({
      digest: 'NEXT_HTTP_ERROR_FALLBACK;404',
    });
  });

  it('names the chosen employer in the header only while the person may act for it', async () => {
    expect(await sessionEmployerName(principal('xezer-director', XEZER))).toBe(
      seedEmployer('xezer').name,
    );
    expect(await sessionEmployerName(principal('xezer-director', null))).toBeNull();
    // Kür's accountant holds nothing at Xəzər: no name, and no scope for the unread count.
    const stranger = principal('kur-accountant', XEZER);
    expect(await sessionEmployerName(stranger)).toBeNull();
    expect(await sessionEmployerAccess(stranger, 'REPORTS')).toEqual({
      ok: false,
      reason: 'NO_AUTHORITY',
    });
    expect(
      await sessionEmployerAccess(principal('xezer-director', XEZER), 'REPORTS'),
    ).toMatchObject({
      ok: true,
      scope: { employerId: XEZER, service: 'REPORTS', via: 'RESPONSIBLE' },
    });
  });

  it('is no staff session: an employer’s principal is sent to the staff login (issue 14 §2)', async () => {
    session.principal = principal('xezer-director', XEZER);
    await expect(requireStaff('ADMIN')).rejects.toMatchObject({
      digest: expect.stringContaining('/admin/login'),
    });
  });
});
