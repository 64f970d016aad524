import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { grantAuthority } from '@/lib/server/authorities/grant-authority';
import { revokeAuthority } from '@/lib/server/authorities/revoke-authority';
import { chooseEmployer } from '@/lib/server/employers/choose-employer';
import { getEmployerData } from '@/lib/server/employers/get-employer-data';
import { listEmployersForPerson } from '@/lib/server/employers/list-employers-for-person';
import { demoActor, ensureDemoCertificates } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2026-11-25T10:00:00Z');

describe('employer choice and employer data (SPEC A4, B1)', () => {
  let database: TestDatabase;

  async function scope(key: string, employerKey: string, service: EmployerScope['service']) {
    const access = await resolveEmployerAccess(
      database.db,
      demoActor(key),
      seedEmployer(employerKey).id,
      service,
      AS_OF,
    );
    if (!access.ok) throw new Error(access.reason);
    return access.scope;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows the director of sebail-edu the parent and its two schools', async () => {
    const list = await listEmployersForPerson(
      database.db,
      demoActor('school-director', 'ASAN'),
      AS_OF,
    );
    expect(list.map((e) => e.id).sort()).toEqual(
      ['sebail-edu', 'school-6', 'school-23'].map((k) => seedEmployer(k).id).sort(),
    );
    expect(list.every((e) => e.via === 'RESPONSIBLE' && e.services.length === 3)).toBe(true);
    expect(list.find((e) => e.id === seedEmployer('sebail-edu').id)).toMatchObject({
      voen: '1700456781',
      dsmfRegNumber: '1200456789',
    });
  });

  it('shows a free person nothing, then the employer granted, then nothing after the revoke', async () => {
    const free = demoActor('free-person');
    expect(await listEmployersForPerson(database.db, free, AS_OF)).toEqual([]);

    const director = await scope('xezer-director', 'xezer', 'AUTHORITIES');
    const { id } = await grantAuthority(
      database.db,
      director,
      { service: 'REPORTS', method: 'ESIGN', cardNumber: 'AZ2000100007', fin: '6GW4Z8H' },
      AS_OF,
    );
    const later = new Date(AS_OF.getTime() + 60_000);
    expect(await listEmployersForPerson(database.db, free, later)).toEqual([
      expect.objectContaining({
        id: seedEmployer('xezer').id,
        via: 'AUTHORITY',
        services: ['REPORTS'],
      }),
    ]);
    // The grant binds the card: signed in with Asan İmza the same person sees nothing.
    expect(
      await listEmployersForPerson(database.db, demoActor('free-person', 'ASAN'), later),
    ).toEqual([]);
    expect(await chooseEmployer(database.db, free, seedEmployer('xezer').id, later)).toBe(
      seedEmployer('xezer').id,
    );

    await revokeAuthority(database.db, director, { authorityId: id }, later);
    const afterRevoke = new Date(later.getTime() + 60_000);
    expect(await listEmployersForPerson(database.db, free, afterRevoke)).toEqual([]);

    const audits = await database.db
      .select({ action: auditLog.action, outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(eq(auditLog.employerId, seedEmployer('xezer').id)));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'AUTHORITY_GRANTED', outcome: 'SUCCESS' },
        { action: 'EMPLOYER_CHOSEN', outcome: 'SUCCESS' },
        { action: 'AUTHORITY_REVOKED', outcome: 'SUCCESS' },
      ]),
    );
  });

  it('shows nobody any employer with an expired or revoked certificate', async () => {
    expect(await listEmployersForPerson(database.db, demoActor('expired-cert'), AS_OF)).toEqual([]);
    expect(await listEmployersForPerson(database.db, demoActor('revoked-cert'), AS_OF)).toEqual([]);
  });

  it('shows the employer data of the scope (B1)', async () => {
    const data = await getEmployerData(
      database.db,
      await scope('school-director', 'sebail-edu', 'EMPLOYER_DATA'),
    );
    expect(data).toMatchObject({
      name: 'Səbail rayon Təhsil Şöbəsi',
      employerType: 'BUDGET_ORGANISATION',
      dsmfRegNumber: '1200456789',
      voen: '1700456781',
      responsible: { fin: '7NB2X9K', fullName: 'Həsənov Vüqar Elçin oğlu' },
      localBody: { code: '07', name: 'Səbail rayon şöbəsi' },
      parent: null,
    });
    expect(data.subEmployers.map((s) => s.id).sort()).toEqual(
      [seedEmployer('school-6').id, seedEmployer('school-23').id].sort(),
    );
    expect(data.activityCodes.map((c) => c.code)).toEqual(['84.11', '85.31']);
    expect(data.activityCodes.every((c) => c.nameAz !== '' && c.nameEn !== '')).toBe(true);
    expect(data.addresses.length).toBeGreaterThan(0);
    expect(data.contacts.length).toBeGreaterThan(0);
    expect(data.bankAccounts[0]?.iban).toBe('AZ41CTRE00000000000002110101');

    const school = await getEmployerData(
      database.db,
      await scope('school-director', 'school-6', 'EMPLOYER_DATA'),
    );
    expect(school.parent).toEqual({
      id: seedEmployer('sebail-edu').id,
      name: 'Səbail rayon Təhsil Şöbəsi',
    });
    expect(school.subEmployers).toEqual([]);
  });
});
