import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { authConfig } from '@/auth/config';
import { auditLog, reportMonths, userSessions } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN1, demoIdentity } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import { SESSION_IDLE_SECONDS } from '@/lib/domain/session-policy';
import { requireEmployerAccess, requirePrincipal } from '@/lib/server/access';
import type { SignedInPerson } from '@/lib/server/principal';
import { runWithRequestContext } from '@/lib/server/request-context';
import { newBrowserSecret } from '@/lib/server/signing/browser-binding';
import { startUserSession } from '@/lib/server/sessions/start-user-session';
import { callAction, useAsAppDatabase } from '../integration/helpers/action-harness';
import { ensureDemoCertificates, insertAuthority } from '../integration/helpers/identity-fixtures';
import { insertDraftReport } from '../integration/helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../integration/helpers/test-database';

// Issue 12 §1–§2 (OWASP ASVS V3): a session is a row in PostgreSQL that the guard reads on every
// request. Requests here are made with a session id as the request context, which the guard
// resolves exactly as it resolves a cookie's; the clock is HESABAT_NOW, as the server's is.

// What the browser's Auth.js cookie holds: server-side auth() answers the decoded token as `user`.
const cookie = vi.hoisted(() => ({ session: null as unknown }));
vi.mock('@/auth', async () => ({
  ...(await import('../integration/helpers/auth-double')),
  auth: async () => cookie.session,
}));

const signOutActions = () => import('@/app/sign-out-action');
const employerActions = () => import('@/app/(employer)/employers/actions');
const authorityActions = () => import('@/app/(employer)/authorities/actions');
const stepActions = () => import('@/app/(employer)/reports/[reportId]/[step]/actions');

const T0 = new Date('2026-11-25T06:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const setClock = (when: Date) => vi.stubEnv('HESABAT_NOW', when.toISOString());

type AnyAction = (...args: unknown[]) => Promise<unknown>;

function person(key: string, method: 'ESIGN' | 'ASAN' = 'ESIGN'): SignedInPerson {
  const who = demoIdentity(key);
  return {
    fin: who.fin,
    surname: who.surname,
    name: who.name,
    patronymic: who.patronymic,
    certificateSerial: method === 'ESIGN' ? `CARD-${who.cardNumber}` : `ASAN-${who.asanUserId}`,
    method,
  };
}

/** Runs `fn` as a request carrying session `sessionId`'s cookie. */
function withSession<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext({ principal: null, sessionId, locale: 'az' }, fn);
}

/** Who the guard says a request with this session is: a FIN, or null (sent to the login page). */
async function guardSays(sessionId: string): Promise<string | null> {
  const outcome = await withSession(sessionId, () =>
    callAction(async () => (await requirePrincipal()).fin, []),
  );
  if (outcome.kind === 'value') return outcome.value as string;
  expect(outcome).toEqual({ kind: 'redirect', to: '/login' });
  return null;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe('sessions end on the server (issue 12 §1, §2)', () => {
  let database: TestDatabase;
  const XEZER = seedEmployer('xezer').id;
  const KUR = seedEmployer('kur').id;

  const row = async (id: string) =>
    (await database.db.select().from(userSessions).where(eq(userSessions.id, id)))[0];
  const endAudits = async (id: string) =>
    (
      await database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'SESSION_ENDED'), sql`${auditLog.details}->>'sessionId' = ${id}`),
        )
    ).map((r) => (r.details as { reason: string }).reason);

  async function chooseAs(sessionId: string, employerId: string) {
    const { chooseEmployerAction } = await employerActions();
    return withSession(sessionId, () =>
      callAction(chooseEmployerAction as AnyAction, [form({ employerId })]),
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
  });
  beforeEach(() => {
    setClock(T0);
    cookie.session = null;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  it('a login opens a session row whose id is all the cookie carries, and the guard reads the row', async () => {
    const { startEsignLoginAction, answerWithCardAction, finishEsignLoginAction } =
      await import('@/app/(public)/login/actions');
    const serial = person('xezer-director').certificateSerial;
    // One browser throughout: the login session is bound to the browser that started it.
    const browserSecret = newBrowserSecret();
    const asAnonymous = <T>(fn: () => Promise<T>) =>
      runWithRequestContext({ principal: null, locale: 'az', browserSecret }, fn);
    const started = (await asAnonymous(() => startEsignLoginAction(serial))) as {
      sessionId: string;
    };
    const card = (await asAnonymous(() =>
      answerWithCardAction({ sessionId: started.sessionId, serial, pin: DEMO_PIN1 }),
    )) as { jws: string };
    const before = await database.db.select({ id: userSessions.id }).from(userSessions);
    expect(
      await asAnonymous(() =>
        callAction(finishEsignLoginAction, [{ sessionId: started.sessionId, jws: card.jws }]),
      ),
    ).toEqual({ kind: 'redirect', to: '/employers' });
    const after = await database.db.select().from(userSessions);
    const opened = after.filter((s) => !before.some((b) => b.id === s.id));
    expect(opened).toHaveLength(1);
    const session = opened[0]!;
    expect(session).toMatchObject({
      kind: 'EMPLOYER',
      fin: demoIdentity('xezer-director').fin,
      certificateSerial: serial,
      method: 'ESIGN',
      employerId: null,
      endedAt: null,
    });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(8 * 3_600_000);
    const [startAudit] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'SESSION_STARTED'),
          sql`${auditLog.details}->>'sessionId' = ${session.id}`,
        ),
      );
    expect(startAudit?.actorFin).toBe(demoIdentity('xezer-director').fin);

    // The jwt callback keeps the session id and nothing else (no FIN, no employer, no name).
    const jwt = authConfig.callbacks.jwt as (params: unknown) => unknown;
    expect(
      jwt({ token: { name: 'x', sub: 'y' }, user: { id: session.id, sid: session.id } }),
    ).toEqual({ sid: session.id });
    // The browser's /api/auth/session is told nothing but the expiry.
    const sessionCallback = authConfig.callbacks.session as (params: unknown) => unknown;
    expect(
      sessionCallback({ session: { user: {}, expires: 'e' }, token: { sid: session.id } }),
    ).toEqual({ expires: 'e' });

    // The real cookie path (auth/principal.ts): auth() answers the token, the row answers who.
    const { getPrincipal } = await import('@/auth/principal');
    cookie.session = { user: { sid: session.id }, expires: 'e' };
    expect(await getPrincipal()).toMatchObject({
      fin: demoIdentity('xezer-director').fin,
      sessionId: session.id,
      employerId: null,
    });
    // A cookie of the old shape (the whole principal in the token) is nobody.
    cookie.session = { user: { identity: { fin: demoIdentity('xezer-director').fin } } };
    expect(await getPrincipal()).toBeNull();
  });

  it('a session ended by sign-out gives no principal: a copied cookie opens nothing and saves nothing', async () => {
    const sid = await startUserSession(database.db, person('xezer-director'), T0);
    expect(await chooseAs(sid, XEZER)).toEqual({ kind: 'redirect', to: '/home' });
    const reportId = await insertDraftReport(database.db);
    const { saveHeadcountAction } = await stepActions();
    const headcount = (value: string) =>
      withSession(sid, () =>
        callAction(saveHeadcountAction, [reportId, [{ month: '2025-07', value }]]),
      );
    // The registry's guard and the headcount save work while the session lives.
    expect((await withSession(sid, () => requireEmployerAccess('REPORTS'))).employerId).toBe(XEZER);
    expect((await headcount('12')).kind).toBe('redirect');

    setClock(at(5));
    const { signOutAction } = await signOutActions();
    expect(
      await withSession(sid, () => callAction(signOutAction as AnyAction, [form({})])),
    ).toEqual({ kind: 'redirect', to: '/' });
    expect(await row(sid)).toMatchObject({ endedAt: at(5), endReason: 'SIGN_OUT' });
    expect(await endAudits(sid)).toEqual(['SIGN_OUT']);

    // 22 minutes later, the copied cookie: the login page for pages and actions alike.
    setClock(at(27));
    expect(await guardSays(sid)).toBeNull();
    expect(
      await withSession(sid, () => callAction(() => requireEmployerAccess('REPORTS'), [])),
    ).toEqual({ kind: 'redirect', to: '/login' });
    expect(await headcount('99')).toEqual({ kind: 'redirect', to: '/login' });
    const [month] = await database.db
      .select({ headcount: reportMonths.headcount })
      .from(reportMonths)
      .where(and(eq(reportMonths.reportId, reportId), eq(reportMonths.month, '2025-07')));
    expect(month?.headcount).toBe(12);
  });

  it('idle for more than 30 minutes gives no principal and ends the session; use keeps it alive', async () => {
    const sid = await startUserSession(database.db, person('xezer-accountant'), T0);
    // Seen at most once a minute: a request 30 s in writes nothing.
    setClock(new Date(T0.getTime() + 30_000));
    expect(await guardSays(sid)).toBe(demoIdentity('xezer-accountant').fin);
    expect((await row(sid))?.lastSeenAt).toEqual(T0);
    // Used at 20 minutes: the idle clock restarts there.
    setClock(at(20));
    expect(await guardSays(sid)).not.toBeNull();
    expect((await row(sid))?.lastSeenAt).toEqual(at(20));
    setClock(at(20 + SESSION_IDLE_SECONDS / 60));
    expect(await guardSays(sid)).not.toBeNull();
    // The idle warning's "Davam et" is a request like any other: the session is seen again.
    setClock(at(75));
    const { keepSessionAliveAction } = await signOutActions();
    expect(await withSession(sid, () => callAction(keepSessionAliveAction, []))).toEqual({
      kind: 'value',
      value: { ok: true },
    });
    expect((await row(sid))?.lastSeenAt).toEqual(at(75));
    // Then 30 minutes and a second of nothing.
    const lastSeen = at(75);
    setClock(new Date(lastSeen.getTime() + SESSION_IDLE_SECONDS * 1000 + 1000));
    expect(await guardSays(sid)).toBeNull();
    expect(await row(sid)).toMatchObject({ endReason: 'IDLE' });
    expect((await row(sid))?.endedAt).not.toBeNull();
    expect(await endAudits(sid)).toEqual(['IDLE']);
    // Ended is ended: coming back within what would have been the idle window changes nothing.
    setClock(lastSeen);
    expect(await guardSays(sid)).toBeNull();
  });

  it('past 8 hours gives no principal even when the session was used every few minutes', async () => {
    const sid = await startUserSession(database.db, person('kur-director'), T0);
    for (let minute = 20; minute < 8 * 60; minute += 20) {
      setClock(at(minute));
      expect(await guardSays(sid), `minute ${minute}`).not.toBeNull();
    }
    setClock(at(8 * 60 - 1));
    expect(await guardSays(sid)).not.toBeNull();
    setClock(at(8 * 60));
    expect(await guardSays(sid)).toBeNull();
    expect(await row(sid)).toMatchObject({ endedAt: at(8 * 60), endReason: 'EXPIRED' });
    expect(await endAudits(sid)).toEqual(['EXPIRED']);
  });

  it('sign out everywhere ends every session of the person, and no one else’s', async () => {
    const card = await startUserSession(database.db, person('school-director'), T0);
    const asan = await startUserSession(database.db, person('school-director', 'ASAN'), T0);
    const other = await startUserSession(database.db, person('school-accountant'), T0);
    setClock(at(2));
    const { signOutEverywhereAction } = await signOutActions();
    expect(
      await withSession(card, () => callAction(signOutEverywhereAction as AnyAction, [form({})])),
    ).toEqual({ kind: 'redirect', to: '/' });
    expect(await guardSays(card)).toBeNull();
    expect(await guardSays(asan)).toBeNull();
    expect(await row(asan)).toMatchObject({ endReason: 'SIGN_OUT_EVERYWHERE' });
    expect(await endAudits(asan)).toEqual(['SIGN_OUT_EVERYWHERE']);
    expect(await guardSays(other)).toBe(demoIdentity('school-accountant').fin);
  });

  it('revoking an authority ends the holder’s sessions acting for that employer only', async () => {
    const holder = person('xezer-accountant');
    const atXezer = await insertAuthority(database.db, {
      employerId: XEZER,
      holderKey: 'xezer-accountant',
      service: 'REPORTS',
    });
    await insertAuthority(database.db, {
      employerId: KUR,
      holderKey: 'xezer-accountant',
      service: 'REPORTS',
    });
    const forXezer = await startUserSession(database.db, holder, T0);
    const forKur = await startUserSession(database.db, holder, T0);
    const notChosen = await startUserSession(database.db, holder, T0);
    const director = await startUserSession(database.db, person('xezer-director'), T0);
    expect(await chooseAs(forXezer, XEZER)).toEqual({ kind: 'redirect', to: '/home' });
    expect(await chooseAs(forKur, KUR)).toEqual({ kind: 'redirect', to: '/home' });
    expect(await chooseAs(director, XEZER)).toEqual({ kind: 'redirect', to: '/home' });

    setClock(at(3));
    const { revokeAuthorityAction } = await authorityActions();
    expect(
      await withSession(director, () =>
        callAction(revokeAuthorityAction as AnyAction, [form({ authorityId: atXezer })]),
      ),
    ).toMatchObject({ kind: 'redirect' });
    expect(await guardSays(forXezer)).toBeNull();
    expect(await row(forXezer)).toMatchObject({ endedAt: at(3), endReason: 'AUTHORITY_REVOKED' });
    const [ended] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'SESSION_ENDED'),
          sql`${auditLog.details}->>'sessionId' = ${forXezer}`,
        ),
      );
    expect(ended).toMatchObject({
      actorFin: demoIdentity('xezer-director').fin,
      employerId: XEZER,
      details: { reason: 'AUTHORITY_REVOKED', fin: holder.fin },
    });
    expect(await guardSays(forKur)).toBe(holder.fin);
    expect(await guardSays(notChosen)).toBe(holder.fin);
    expect(await guardSays(director)).toBe(demoIdentity('xezer-director').fin);
  });

  it('the employer choice writes the session row; a client update (POST /api/auth/session with data) cannot', async () => {
    const sid = await startUserSession(database.db, person('school-director'), T0);
    expect(await chooseAs(sid, seedEmployer('sebail-edu').id)).toEqual({
      kind: 'redirect',
      to: '/home',
    });
    expect((await row(sid))?.employerId).toBe(seedEmployer('sebail-edu').id);
    const [chosen] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'EMPLOYER_CHOSEN'),
          sql`${auditLog.details}->>'sessionId' = ${sid}`,
        ),
      );
    expect(chosen?.outcome).toBe('SUCCESS');

    // Auth.js runs the jwt callback with trigger 'update' and the client's `data` as `session`:
    // whatever it says, the token stays the session id and the row stays as the server chose.
    const jwt = authConfig.callbacks.jwt as (params: unknown) => unknown;
    for (const data of [
      { employerId: seedEmployer('school-6').id },
      { employerId: KUR },
      { identity: { fin: demoIdentity('kur-director').fin, employerId: KUR } },
      { sid: '00000000-0000-4000-8000-000000000000' },
    ]) {
      expect(jwt({ token: { sid }, trigger: 'update', session: data })).toEqual({ sid });
    }
    expect((await row(sid))?.employerId).toBe(seedEmployer('sebail-edu').id);
    expect((await withSession(sid, () => requireEmployerAccess('REPORTS'))).employerId).toBe(
      seedEmployer('sebail-edu').id,
    );

    // A refused choice leaves the row as it was.
    expect(await chooseAs(sid, KUR)).toEqual({ kind: 'redirect', to: '/employers?error=1' });
    expect((await row(sid))?.employerId).toBe(seedEmployer('sebail-edu').id);
  });
});
