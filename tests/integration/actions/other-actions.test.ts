import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, authorities, reports } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN1, demoIdentity } from '@/db/seed/demo-identities';
import { insertKurIds } from '../helpers/foreign-ids';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { asPerson, callAction, principalOf, useAsAppDatabase } from '../helpers/action-harness';
import { signInCalls } from '../helpers/auth-double';
import { markSent } from '../registry/registry-fixtures';
import { testBrowser } from '../helpers/test-browser';

vi.mock('@/auth', () => import('../helpers/auth-double'));

const login = () => import('@/app/(public)/login/actions');
const authorityActions = () => import('@/app/(employer)/authorities/actions');
const tokenActions = () => import('@/app/(employer)/reports/api-tokens/actions');
const registryActions = () => import('@/app/(employer)/reports/registry/actions');
const sendActions = () => import('@/app/(employer)/reports/sending/report-actions');
const correctiveActions = () => import('@/app/(employer)/reports/sending/corrective-actions');

function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe('the actions outside the wizard through the action client (issue 11 §1, §2)', () => {
  let database: TestDatabase;
  const xezer = principalOf('xezer-director', 'xezer');
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
  });
  afterAll(async () => database?.close());

  const denials = async (action: string) =>
    (
      await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'ACCESS'), eq(auditLog.outcome, 'DENIED')))
    ).filter((row) => (row.details as { action?: string }).action === action).length;

  it('signs in with the card: a verified session redirects to the employer choice, a used one is refused in words', async () => {
    const { startEsignLoginAction, answerWithCardAction, finishEsignLoginAction } = await login();
    const who = demoIdentity('xezer-director');
    const serial = `CARD-${who.cardNumber}`;
    // One browser throughout: the session is bound to the one that started it (issue 12 §3).
    const started = await asPerson(
      null,
      () => callAction(startEsignLoginAction, [serial]),
      'az',
      testBrowser,
    );
    expect(started).toMatchObject({ kind: 'value', value: { ok: true } });
    const { sessionId } = (started as { value: { sessionId: string } }).value;
    const wrong = await asPerson(
      null,
      () => answerWithCardAction({ sessionId, serial, pin: '0000' }),
      'en',
      testBrowser,
    );
    expect(wrong).toEqual({ ok: false, final: false, message: 'Wrong PIN. Tries left: 2' });
    const card = await asPerson(
      null,
      () => callAction(answerWithCardAction, [{ sessionId, serial, pin: DEMO_PIN1 }]),
      'az',
      testBrowser,
    );
    const { jws } = (card as { value: { jws: string } }).value;
    expect(jws).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    expect(
      await asPerson(
        null,
        () => callAction(finishEsignLoginAction, [{ sessionId, jws }]),
        'az',
        testBrowser,
      ),
    ).toEqual({ kind: 'redirect', to: '/employers' });
    expect(signInCalls.at(-1)).toEqual({ provider: 'esign', ok: true });
    // The session is consumed: Auth.js's refusal (LoginRefused) comes back as the signing text.
    const again = await asPerson(
      null,
      () => callAction(finishEsignLoginAction, [{ sessionId, jws }]),
      'en',
      testBrowser,
    );
    expect(again).toMatchObject({
      kind: 'refusal',
      message: 'This request has already been used. Start again.',
    });
  });

  it('refuses a malformed phone or User ID at its field, in the identifier’s words', async () => {
    const { startAsanLoginAction } = await login();
    const phone = await asPerson(
      null,
      () => callAction(startAsanLoginAction, [{ phone: '12345', userId: '123456' }]),
      'en',
    );
    expect(phone).toMatchObject({ kind: 'refusal' });
    const refused = await asPerson(null, () =>
      startAsanLoginAction({ phone: '12345', userId: '123456' }),
    );
    expect(refused).toMatchObject({ ok: false, field: 'phone' });
    expect((refused as { message: string }).message).not.toMatch(/MOBILE|INVALID_INPUT/);
    expect(
      await asPerson(null, () => startAsanLoginAction({ phone: '050 123 45 67', userId: '12' })),
    ).toMatchObject({ ok: false, field: 'userId' });
  });

  it('another employer’s id is a 404 and an audit row in every action that takes one', async () => {
    const db = database.db;
    const kur = await insertKurIds(db);
    const { startSendAction } = await sendActions();
    const { createCorrectiveAction } = await correctiveActions();
    const { revokeAuthorityAction } = await authorityActions();
    const { revokeApiTokenAction } = await tokenActions();
    type AnyAction = (...args: unknown[]) => Promise<unknown>;
    const probes: [string, AnyAction, unknown[]][] = [
      ['startSendAction', startSendAction, [kur.draftId]],
      ['createCorrectiveAction', createCorrectiveAction, [kur.acceptedId]],
      [
        'revokeAuthorityAction',
        revokeAuthorityAction as AnyAction,
        [formOf({ authorityId: kur.authorityId })],
      ],
      [
        'revokeApiTokenAction',
        revokeApiTokenAction as AnyAction,
        [formOf({ tokenId: kur.tokenId })],
      ],
    ];
    for (const [name, action, args] of probes) {
      const before = await denials(name);
      expect(await asPerson(xezer, () => callAction(action, args)), name).toEqual({
        kind: 'not-found',
      });
      expect(await denials(name), name).toBe(before + 1);
    }
    // Nothing of Kür's changed.
    const [authority] = await db
      .select()
      .from(authorities)
      .where(eq(authorities.id, kur.authorityId));
    expect(authority?.revokedAt).toBeNull();

    // "Sil" keeps its flash (a row another tab deleted looks the same) and audits the probe.
    const { deleteDraftAction } = await registryActions();
    const before = await denials('deleteDraftAction');
    expect(
      await asPerson(xezer, () =>
        callAction(deleteDraftAction as (...args: unknown[]) => Promise<unknown>, [
          formOf({ reportId: kur.draftId, returnQuery: '?page=2' }),
        ]),
      ),
    ).toEqual({ kind: 'redirect', to: '/reports/registry?page=2&deleteError=NOT_FOUND' });
    expect(await denials('deleteDraftAction')).toBe(before + 1);
    expect(await db.select().from(reports).where(eq(reports.id, kur.draftId))).toHaveLength(1);
  });

  it('a corrective that already exists answers with the link to it', async () => {
    const db = database.db;
    const accepted = await insertDraftReport(db, { activityCode: '62.01', quarter: 1 });
    await markSent(db, accepted, { status: 'ACCEPTED', receiptNumber: 'X-1' });
    const { createCorrectiveAction } = await correctiveActions();
    const first = await asPerson(xezer, () => callAction(createCorrectiveAction, [accepted]));
    expect(first.kind).toBe('redirect');
    const href = (first as { to: string }).to;
    expect(href).toMatch(/^\/reports\/[0-9a-f-]{36}\/check-answers$/);
    expect(await asPerson(xezer, () => createCorrectiveAction(accepted), 'en')).toMatchObject({
      ok: false,
      code: 'CORRECTIVE_EXISTS',
      link: { href, label: 'Go to the open corrective report' },
    });
  });

  it('the grant form’s refusals keep their field; foreign input is a form refusal', async () => {
    const { lookupHolderAction } = await authorityActions();
    const form = {
      service: 'REPORTS',
      method: 'ESIGN',
      cardNumber: 'x',
      phone: '',
      fin: '1234567',
      indefinite: true,
      validFrom: '',
      validTo: '',
    };
    expect(await asPerson(xezer, () => lookupHolderAction(form), 'en')).toEqual({
      ok: false,
      code: 'CARD_NUMBER_FORMAT',
      field: 'cardNumber',
      message: 'Card number must be 6 to 20 letters or digits',
    });
    expect(
      await asPerson(xezer, () => lookupHolderAction({ ...form, fin: 7 }), 'en'),
    ).toMatchObject({ ok: false, code: 'INPUT_INVALID', field: 'fin' });
  });
});
