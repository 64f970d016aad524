import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, SERVICES, type Service } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import {
  requireEmployerAccessFor,
  resolveEmployerAccess,
  type Actor,
  type EmployerScope,
} from '@/lib/server/access';
import { grantAuthority } from '@/lib/server/authorities/grant-authority';
import { listAuthorities } from '@/lib/server/authorities/list-authorities';
import { revokeAuthority } from '@/lib/server/authorities/revoke-authority';
import { chooseEmployer } from '@/lib/server/employers/choose-employer';
import { getEmployerData } from '@/lib/server/employers/get-employer-data';
import { AppError } from '@/lib/server/errors';
import { demoActor, ensureDemoCertificates, insertAuthority } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2026-11-25T10:00:00Z'); // 14:00 in Baku
const XEZER = seedEmployer('xezer').id;
const KUR = seedEmployer('kur').id;

/** People without a live authority for 'xezer', each made so by one cause. */
const DENIED: { cause: string; actor: Actor; reason: string }[] = [
  { cause: 'never granted', actor: demoActor('free-person'), reason: 'NO_AUTHORITY' },
  { cause: 'revoked', actor: demoActor('kur-accountant'), reason: 'NO_AUTHORITY' },
  {
    cause: 'expired (valid_to yesterday)',
    actor: demoActor('school-accountant'),
    reason: 'NO_AUTHORITY',
  },
  {
    cause: 'not yet started (valid_from tomorrow)',
    actor: demoActor('kur-director'),
    reason: 'NO_AUTHORITY',
  },
  {
    cause: 'certificate expired',
    actor: demoActor('expired-cert'),
    reason: 'CERTIFICATE_NOT_VALID',
  },
  {
    cause: 'certificate revoked',
    actor: demoActor('revoked-cert'),
    reason: 'CERTIFICATE_NOT_VALID',
  },
  {
    cause: 'wrong certificate (ASAN, grant is for the card)',
    actor: demoActor('xezer-accountant', 'ASAN'),
    reason: 'NO_AUTHORITY',
  },
];

describe('the guard: who may act for which employer in which service', () => {
  let database: TestDatabase;

  async function deniedAudits(fin: string, action = 'ACCESS'): Promise<number> {
    const [row] = await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorFin, fin),
          eq(auditLog.action, action),
          eq(auditLog.outcome, 'DENIED'),
        ),
      );
    return row?.n ?? 0;
  }

  async function scopeFor(
    actor: Actor,
    employerId: string,
    service: Service,
  ): Promise<EmployerScope> {
    const access = await resolveEmployerAccess(database.db, actor, employerId, service, AS_OF);
    if (!access.ok) throw new Error(`expected access, got ${access.reason}`);
    return access.scope;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    type Extra = Omit<
      Parameters<typeof insertAuthority>[1],
      'employerId' | 'holderKey' | 'service'
    >;
    const grants = (holderKey: string, extra: Extra) =>
      Promise.all(
        SERVICES.map((service) =>
          insertAuthority(database.db, { employerId: XEZER, holderKey, service, ...extra }),
        ),
      );
    await grants('kur-accountant', { revokedAt: new Date('2026-11-01T08:00:00Z') });
    await grants('school-accountant', { validFrom: '2026-06-01', validTo: '2026-11-24' });
    await grants('kur-director', { validFrom: '2026-11-26' });
    await grants('expired-cert', {});
    await grants('revoked-cert', {});
    await grants('xezer-accountant', {});
  });
  afterAll(async () => {
    await database?.close();
  });

  describe.each(DENIED)('$cause', ({ actor, reason }) => {
    // Each service the guard hands a scope for; what each use case does with another
    // employer's ids is the access matrix's (scoped-access-matrix.test.ts).
    it.each(SERVICES)('is denied the %s service and the denial is audited', async (service) => {
      const access = await resolveEmployerAccess(database.db, actor, XEZER, service, AS_OF);
      expect(access).toEqual({ ok: false, reason });
      const before = await deniedAudits(actor.fin);
      const denied = requireEmployerAccessFor(database.db, actor, XEZER, service, AS_OF);
      await expect(denied).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await deniedAudits(actor.fin)).toBe(before + 1);
    });

    it('cannot choose the employer, and the refusal is audited', async () => {
      const before = await deniedAudits(actor.fin, 'EMPLOYER_CHOSEN');
      await expect(chooseEmployer(database.db, actor, XEZER, AS_OF)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await deniedAudits(actor.fin, 'EMPLOYER_CHOSEN')).toBe(before + 1);
    });
  });

  it('lets the same holder in with the certificate the grant names', async () => {
    const scope = await scopeFor(demoActor('xezer-accountant'), XEZER, 'REPORTS');
    expect(scope).toMatchObject({ employerId: XEZER, via: 'AUTHORITY', service: 'REPORTS' });
    expect(await chooseEmployer(database.db, demoActor('xezer-accountant'), XEZER, AS_OF)).toBe(
      XEZER,
    );
  });

  it('treats valid_to as inclusive to the end of that day in Baku', async () => {
    const actor = demoActor('school-accountant');
    const lastDay = new Date('2026-11-24T19:59:00Z'); // 23:59 in Baku on 2026-11-24
    const nextDay = new Date('2026-11-24T20:01:00Z'); // 00:01 in Baku on 2026-11-25
    expect((await resolveEmployerAccess(database.db, actor, XEZER, 'REPORTS', lastDay)).ok).toBe(
      true,
    );
    expect((await resolveEmployerAccess(database.db, actor, XEZER, 'REPORTS', nextDay)).ok).toBe(
      false,
    );
  });

  it('gives a holder only the service granted', async () => {
    const kur = demoActor('kur-accountant');
    await insertAuthority(database.db, {
      employerId: KUR,
      holderKey: 'kur-accountant',
      service: 'REPORTS',
    });
    // kur-accountant is not responsible for 'kur'; only the REPORTS grant applies.
    expect((await resolveEmployerAccess(database.db, kur, KUR, 'REPORTS', AS_OF)).ok).toBe(true);
    expect(await resolveEmployerAccess(database.db, kur, KUR, 'AUTHORITIES', AS_OF)).toEqual({
      ok: false,
      reason: 'NO_AUTHORITY',
    });
    const reports = await scopeFor(kur, KUR, 'REPORTS');
    await expect(listAuthorities(database.db, reports, AS_OF)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // The cabinet's views 1–4 (inside the reports service) show the employer's own details.
    await expect(getEmployerData(database.db, reports)).resolves.toMatchObject({ id: KUR });
  });

  it('gives the responsible person every service, with any of their valid certificates', async () => {
    for (const method of ['ESIGN', 'ASAN'] as const) {
      for (const service of SERVICES) {
        const scope = await scopeFor(demoActor('xezer-director', method), XEZER, service);
        expect(scope.via).toBe('RESPONSIBLE');
      }
    }
  });

  it('refuses a certificate of someone else, an unknown employer and a malformed id', async () => {
    const stolen = {
      ...demoActor('xezer-director'),
      certificateSerial: demoActor('free-person').certificateSerial,
    };
    expect(await resolveEmployerAccess(database.db, stolen, XEZER, 'REPORTS', AS_OF)).toEqual({
      ok: false,
      reason: 'CERTIFICATE_NOT_FOUND',
    });
    const director = demoActor('xezer-director');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await resolveEmployerAccess(database.db, director, unknown, 'REPORTS', AS_OF)).toEqual({
      ok: false,
      reason: 'EMPLOYER_NOT_FOUND',
    });
    await expect(
      requireEmployerAccessFor(database.db, director, 'not-a-uuid', 'REPORTS', AS_OF),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('loses access on the very next check after a revoke', async () => {
    const accountant = demoActor('xezer-accountant');
    const director = await scopeFor(demoActor('xezer-director'), XEZER, 'AUTHORITIES');
    const [reports] = (await listAuthorities(database.db, director, AS_OF)).filter(
      (r) => r.holderFin === accountant.fin && r.service === 'REPORTS',
    );
    await revokeAuthority(database.db, director, { authorityId: reports!.id }, AS_OF);
    const later = new Date(AS_OF.getTime() + 1000);
    expect(await resolveEmployerAccess(database.db, accountant, XEZER, 'REPORTS', later)).toEqual({
      ok: false,
      reason: 'NO_AUTHORITY',
    });
    // A grant-authority call with a scope of the wrong service is refused before any work.
    const reportsScope = await scopeFor(demoActor('kur-accountant'), KUR, 'REPORTS');
    await expect(
      grantAuthority(
        database.db,
        reportsScope,
        { service: 'REPORTS', method: 'ESIGN', cardNumber: 'AZ2000100007', fin: '6GW4Z8H' },
        AS_OF,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
