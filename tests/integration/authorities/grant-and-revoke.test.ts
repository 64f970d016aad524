import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, certificates } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { grantAuthority, type GrantAuthorityInput } from '@/lib/server/authorities/grant-authority';
import { listAuthorities } from '@/lib/server/authorities/list-authorities';
import { lookupAuthorityHolder } from '@/lib/server/authorities/lookup-authority-holder';
import { revokeAuthority } from '@/lib/server/authorities/revoke-authority';
import { todayInBaku } from '@/lib/server/clock';
import { APP_ERROR_CODES } from '@/lib/server/errors';
import { errorMessage, errorTemplate } from '@/lib/server/error-messages';
import { demoActor, ensureDemoCertificates, insertAuthority } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2026-11-25T10:00:00Z'); // today in Baku: 2026-11-25
const LATER = new Date('2026-11-25T11:00:00Z'); // after every grant made in this file
const XEZER = seedEmployer('xezer').id;
const FREE_CARD = { method: 'ESIGN', cardNumber: 'AZ2000100007', fin: '6GW4Z8H' } as const;

describe('authorities (SPEC C1–C7)', () => {
  let database: TestDatabase;
  let director: EmployerScope;
  /** The free person's certificates' last day in Baku (the seed's notAfter, whatever it is). */
  let lastDay: string;
  let dayAfter: string;

  async function scopeOf(
    key: string,
    service: EmployerScope['service'] = 'AUTHORITIES',
    method: 'ESIGN' | 'ASAN' = 'ESIGN',
  ) {
    const access = await resolveEmployerAccess(
      database.db,
      demoActor(key, method),
      XEZER,
      service,
      AS_OF,
    );
    if (!access.ok) throw new Error(access.reason);
    return access.scope;
  }
  // Each grant a second later than the one before, so "newest first" has one answer.
  let tick = 0;
  const grant = (input: Partial<GrantAuthorityInput>, scope = director) =>
    grantAuthority(
      database.db,
      scope,
      { service: 'REPORTS', ...FREE_CARD, ...input } as GrantAuthorityInput,
      new Date(AS_OF.getTime() + ++tick * 1000),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    director = await scopeOf('xezer-director');
    const [card] = await database.db
      .select()
      .from(certificates)
      .where(eq(certificates.serial, 'CARD-AZ2000100007'));
    lastDay = todayInBaku(card!.notAfter);
    dayAfter = todayInBaku(new Date(card!.notAfter.getTime() + 86_400_000));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('looks the holder up by Asan İmza phone in any spelling and FIN in lower case (C3)', async () => {
    const holder = await lookupAuthorityHolder(
      database.db,
      director,
      { method: 'ASAN', phone: '050 100 00 07', fin: ' 6gw4z8h ' },
      AS_OF,
    );
    expect(holder).toEqual({
      method: 'ASAN',
      deviceRef: '+994501000007',
      person: {
        fin: '6GW4Z8H',
        surname: 'Babayev',
        name: 'Orxan',
        patronymic: 'Samir oğlu',
        birthDate: '1990-05-05',
      },
      certificate: { serial: 'ASAN-100007', notAfter: lastDay },
    });
  });

  it('normalises a pasted FIN and card number before any length rule (issue 10 §11)', async () => {
    // ' 3ht8r4n' is eight characters as pasted: a field cut at seven sent ' 3ht8r4', a valid
    // residence-permit shape that names nobody, so the form said "sertifikat tapılmadı".
    const holder = await lookupAuthorityHolder(
      database.db,
      director,
      { method: 'ESIGN', cardNumber: ' az 2000 100002 ', fin: ' 3ht8r4n' },
      AS_OF,
    );
    expect(holder).toMatchObject({
      deviceRef: 'AZ2000100002',
      person: { fin: '3HT8R4N', surname: 'Əliyeva' },
    });
    await expect(
      lookupAuthorityHolder(
        database.db,
        director,
        { method: 'ESIGN', cardNumber: 'AZ2000100002', fin: ' 3ht8r4n'.slice(0, 7) },
        AS_OF,
      ),
    ).rejects.toMatchObject({ code: 'HOLDER_NOT_FOUND' });
  });

  it.each([
    ['a bad FIN', { fin: 'ABC' }, 'FIN_FORMAT', 'fin'],
    ['a non-Latin FIN', { fin: '6GW4Z8Ə' }, 'FIN_FORMAT', 'fin'],
    ['a bad card number', { cardNumber: 'AZ-1' }, 'CARD_NUMBER_FORMAT', 'cardNumber'],
    ['a bad phone', { method: 'ASAN', phone: '12345' }, 'PHONE_FORMAT', 'phone'],
    ['an unknown method', { method: 'SMS' }, 'METHOD_UNKNOWN', 'method'],
    ['an unknown service', { service: 'PAYROLL' }, 'SERVICE_UNKNOWN', 'service'],
    ['a card of someone else', { fin: '3HT8R4N' }, 'HOLDER_NOT_FOUND', 'cardNumber'],
    ['an unknown card', { cardNumber: 'AZ9999999999' }, 'HOLDER_NOT_FOUND', 'cardNumber'],
    [
      'an expired certificate',
      { cardNumber: 'AZ2000100008', fin: '8LQ5N3C' },
      'CERTIFICATE_NOT_VALID',
      'cardNumber',
    ],
    [
      'a revoked certificate',
      { method: 'ASAN', phone: '+994501000009', fin: '1VJ9F6D' },
      'CERTIFICATE_NOT_VALID',
      'phone',
    ],
    ['a date that does not exist', { validFrom: '2026-02-30' }, 'DATE_FORMAT', 'validFrom'],
    [
      'a start in the past',
      { validFrom: '2026-11-24', validTo: '2026-12-31' },
      'DATE_IN_PAST',
      'validFrom',
    ],
    ['an end in the past', { validTo: '2026-11-24' }, 'DATE_IN_PAST', 'validTo'],
    ['from after to', { validFrom: '2026-12-10', validTo: '2026-12-01' }, 'DATE_RANGE', 'validTo'],
    ['a grant to oneself', { cardNumber: 'AZ2000100001', fin: '5ZK7M2P' }, 'GRANT_TO_SELF', 'fin'],
  ] as const)('refuses %s with %s', async (_case, input, code, field) => {
    await expect(grant(input as Partial<GrantAuthorityInput>)).rejects.toMatchObject({
      code,
      field,
      kind: 'VALIDATION',
    });
  });

  it('refuses a grant that would outlive the certificate, naming its last day', async () => {
    for (const input of [{ validTo: dayAfter }, { validFrom: dayAfter }]) {
      const error = await grant(input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'GRANT_BEYOND_CERTIFICATE', params: { date: lastDay } });
    }
    // The code carries the ISO date; the message shows it as the rest of the UI does, dd.mm.yyyy.
    expect(errorMessage('GRANT_BEYOND_CERTIFICATE', { date: lastDay }, 'en')).toContain(
      lastDay.split('-').reverse().join('.'),
    );
  });

  it('grants from today, refuses a duplicate live or future grant, allows another service', async () => {
    const { id } = await grant({ validFrom: '2026-11-25', validTo: lastDay });
    await expect(grant({})).rejects.toMatchObject({
      code: 'AUTHORITY_DUPLICATE',
      kind: 'CONFLICT',
    });
    // A grant starting later is still a duplicate of the live one; another service is not.
    await expect(grant({ validFrom: '2027-01-01' })).rejects.toMatchObject({
      code: 'AUTHORITY_DUPLICATE',
    });
    await grant({ service: 'EMPLOYER_DATA', validFrom: '2026-12-01' });
    // Asan İmza is another certificate: a grant for it is not a duplicate.
    await grant({ method: 'ASAN', phone: '0501000007', cardNumber: undefined });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'AUTHORITY_GRANTED'), eq(auditLog.employerId, XEZER)));
    expect(audit).toMatchObject({
      actorFin: '5ZK7M2P',
      outcome: 'SUCCESS',
      details: expect.objectContaining({ authorityId: id }),
    });
  });

  it('lists the registry newest first with status, device and holder (C6)', async () => {
    await insertAuthority(database.db, {
      employerId: XEZER,
      holderKey: 'kur-accountant',
      service: 'REPORTS',
      validTo: '2026-06-30',
      grantedAt: new Date('2026-01-10T09:00:00Z'),
    });
    const registry = await listAuthorities(database.db, director, LATER);
    expect(registry.map((r) => [r.service, r.method, r.deviceRef, r.status])).toEqual([
      ['REPORTS', 'ASAN', '+994501000007', 'live'],
      ['EMPLOYER_DATA', 'ESIGN', 'AZ2000100007', 'future'],
      ['REPORTS', 'ESIGN', 'AZ2000100007', 'live'],
      ['REPORTS', 'ESIGN', 'AZ2000100006', 'expired'],
    ]);
    expect(registry[2]).toMatchObject({
      holderFin: '6GW4Z8H',
      holderFullName: 'Babayev Orxan Samir oğlu',
      validFrom: '2026-11-25',
      validTo: lastDay,
      grantedByFin: '5ZK7M2P',
    });
  });

  it('revokes once; a second revoke is a CONFLICT; the registry shows it revoked (C7)', async () => {
    const [target] = (await listAuthorities(database.db, director, LATER)).filter(
      (r) => r.status === 'live',
    );
    await revokeAuthority(database.db, director, { authorityId: target!.id }, LATER);
    await expect(
      revokeAuthority(database.db, director, { authorityId: target!.id }, LATER),
    ).rejects.toMatchObject({
      code: 'AUTHORITY_ALREADY_REVOKED',
      kind: 'CONFLICT',
    });
    const after = (await listAuthorities(database.db, director, LATER)).find(
      (r) => r.id === target!.id,
    );
    expect(after).toMatchObject({ status: 'revoked', revokedByFin: '5ZK7M2P', revokedAt: LATER });
    const revokes = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'AUTHORITY_REVOKED'));
    expect(revokes).toHaveLength(1);
  });

  it('lets a holder of an AUTHORITIES grant grant and revoke, but not to the responsible person', async () => {
    await insertAuthority(database.db, {
      employerId: XEZER,
      holderKey: 'xezer-accountant',
      service: 'AUTHORITIES',
    });
    const accountant = await scopeOf('xezer-accountant');
    expect(accountant.via).toBe('AUTHORITY');
    await expect(
      grant({ cardNumber: 'AZ2000100001', fin: '5ZK7M2P' }, accountant),
    ).rejects.toMatchObject({ code: 'GRANT_TO_RESPONSIBLE' });
    await expect(
      grant({ cardNumber: 'AZ2000100002', fin: '3HT8R4N' }, accountant),
    ).rejects.toMatchObject({ code: 'GRANT_TO_SELF' });
    const { id } = await grant(
      { service: 'REPORTS', cardNumber: 'AZ2000100004', fin: '2MD6W8T' },
      accountant,
    );
    await revokeAuthority(database.db, accountant, { authorityId: id }, AS_OF);
    // The accountant's own REPORTS access does not follow from the AUTHORITIES grant.
    expect(
      (
        await resolveEmployerAccess(
          database.db,
          demoActor('xezer-accountant'),
          XEZER,
          'REPORTS',
          AS_OF,
        )
      ).ok,
    ).toBe(false);
  });

  it('has az and en text for every error code', () => {
    for (const code of APP_ERROR_CODES) {
      expect(errorTemplate(code, 'az')?.length).toBeGreaterThan(0);
      expect(errorTemplate(code, 'en')?.length).toBeGreaterThan(0);
    }
    expect(errorMessage('DATE_IN_PAST', { today: '2026-11-25' }, 'az')).toBe(
      'Tarix bu gündən (25.11.2026) əvvəl ola bilməz',
    );
  });
});
