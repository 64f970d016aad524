import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { auditLog } from '@/db/schema';
import { eq } from 'drizzle-orm';
import {
  loadInStaffScope,
  requireStaff,
  resolveStaffAccess,
  staffEmployer,
  staffViewScope,
  type StaffRole,
} from '@/lib/server/access';
import { createReport } from '@/lib/server/reports/create-report';
import { sendMessage } from '@/lib/server/messages/send-message';
import { demoIdentity } from '@/db/seed/demo-identities';
import { callAction, useAsAppDatabase } from '../helpers/action-harness';
import {
  inSession,
  STAFF_KEYS,
  startEmployerSession,
  startStaffSession,
  staffScopeOf,
} from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The staff guard (issue 14 §2): roles, local bodies, ended accounts, employer sessions, idle.

const XEZER = seedEmployer('xezer').id;
const KUR = seedEmployer('kur').id;
const SCHOOL = seedEmployer('school-6').id;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  useAsAppDatabase(database);
});
afterAll(async () => database?.close());

const guard = (need?: StaffRole) => () => requireStaff(need);

describe('requireStaff', () => {
  it('lets each live role through for what its role covers and no further', async () => {
    const expected: Record<string, Record<StaffRole, boolean>> = {
      operator: { OPERATOR: true, REVIEWER: false, HEAD: false, ADMIN: false },
      reviewer: { OPERATOR: false, REVIEWER: true, HEAD: false, ADMIN: false },
      head: { OPERATOR: true, REVIEWER: true, HEAD: true, ADMIN: false },
      admin: { OPERATOR: true, REVIEWER: true, HEAD: true, ADMIN: true },
    };
    for (const [who, needs] of Object.entries(expected)) {
      const session = await startStaffSession(
        database.db,
        STAFF_KEYS[who as keyof typeof STAFF_KEYS],
      );
      for (const [need, allowed] of Object.entries(needs)) {
        const outcome = await inSession(session, () => callAction(guard(need as StaffRole), []));
        expect(outcome.kind, `${who} needs ${need}`).toBe(allowed ? 'value' : 'not-found');
      }
      const any = await inSession(session, () => callAction(guard(), []));
      expect(any.kind).toBe('value');
    }
  });

  it('sends an employer session to the staff login, and a staff session is nobody in the employer area', async () => {
    const employerSession = await startEmployerSession(database.db, 'xezer-director');
    const outcome = await inSession(employerSession, () => callAction(guard(), []));
    expect(outcome).toEqual({ kind: 'redirect', to: '/admin/login' });
    // A staff member's session is no employer session: the employer area sees no one signed in.
    const { requirePrincipal } = await import('@/lib/server/access');
    const staffSession = await startStaffSession(database.db, STAFF_KEYS.admin);
    const asEmployer = await inSession(staffSession, () => callAction(requirePrincipal, []));
    expect(asEmployer).toEqual({ kind: 'redirect', to: '/login' });
  });

  it('refuses an account that has ended, audited', async () => {
    const session = await startStaffSession(database.db, STAFF_KEYS.ended);
    const outcome = await inSession(session, () => callAction(guard(), []));
    expect(outcome.kind).toBe('not-found');
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorFin, demoIdentity(STAFF_KEYS.ended).fin));
    expect(rows.some((r) => r.action === 'STAFF_ACCESS' && r.outcome === 'DENIED')).toBe(true);
  });

  it('refuses an account from the moment it ends, at the next request', async () => {
    const scope = await staffScopeOf(
      database.db,
      STAFF_KEYS.ended,
      new Date('2026-06-01T00:00:00Z'),
    );
    expect(scope.role).toBe('OPERATOR');
    const later = await resolveStaffAccess(
      database.db,
      { fin: scope.fin, certificateSerial: scope.certificateSerial, method: 'ESIGN' },
      null,
      new Date('2026-06-30T00:00:00+04:00'),
    );
    expect(later).toEqual({ ok: false, reason: 'NOT_STAFF' });
  });

  it('idles a staff session out after 15 minutes', async () => {
    const started = new Date(Date.now() - 16 * 60 * 1000);
    const session = await startStaffSession(database.db, STAFF_KEYS.operator, started);
    const outcome = await inSession(session, () => callAction(guard(), []));
    expect(outcome).toEqual({ kind: 'redirect', to: '/admin/login' });
  });

  it('refuses a person who is no staff at all', async () => {
    const access = await resolveStaffAccess(
      database.db,
      {
        fin: demoIdentity('xezer-director').fin,
        certificateSerial: `CARD-${demoIdentity('xezer-director').cardNumber}`,
        method: 'ESIGN',
      },
      null,
      new Date(),
    );
    expect(access).toEqual({ ok: false, reason: 'NOT_STAFF' });
  });
});

describe('staffEmployer', () => {
  it('gives a body its own employers, NOT_FOUND for another body, every body to the administrator', async () => {
    const operator = await staffScopeOf(database.db, STAFF_KEYS.operator);
    expect((await staffEmployer(database.db, operator, XEZER)).employerId).toBe(XEZER);
    expect((await staffEmployer(database.db, operator, KUR)).employerId).toBe(KUR);
    await expect(staffEmployer(database.db, operator, SCHOOL)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(staffEmployer(database.db, operator, 'not-a-uuid')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const other = await staffScopeOf(database.db, STAFF_KEYS.otherBody);
    await expect(staffEmployer(database.db, other, XEZER)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
    expect((await staffEmployer(database.db, admin, SCHOOL)).employerId).toBe(SCHOOL);
  });

  it('audits a probe of another body as a page would', async () => {
    const other = await staffScopeOf(database.db, STAFF_KEYS.otherBody);
    const outcome = await callAction(
      () => loadInStaffScope(other, 'probe', (db) => staffEmployer(db, other, XEZER)),
      [],
    );
    expect(outcome.kind).toBe('not-found');
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.actorFin, other.fin));
    expect(
      rows.some(
        (r) => r.outcome === 'DENIED' && (r.details as { useCase?: string }).useCase === 'probe',
      ),
    ).toBe(true);
  });
});

describe('staffViewScope', () => {
  it('reads an employer of the body and writes nothing for it', async () => {
    const reviewer = await staffScopeOf(database.db, STAFF_KEYS.reviewer);
    const view = await staffViewScope(database.db, reviewer, XEZER);
    expect(view).toMatchObject({ employerId: XEZER, via: 'STAFF' });
    await expect(
      createReport(database.db, view, {
        reportType: 'INITIAL',
        year: 2026,
        quarter: 3,
        activityCode: '62.01',
      } as never),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sendMessage(database.db, view, { subject: 'x', body: 'y', attachments: [] } as never),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await staffScopeOf(database.db, STAFF_KEYS.otherBody);
    await expect(staffViewScope(database.db, other, XEZER)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
