import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { ZId, ZLine } from '@/lib/server/action-schemas';
import { employerAction, publicAction, redirectTo } from '@/lib/server/actions';
import { AppError } from '@/lib/server/errors';

import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { asPerson, callAction, principalOf, useAsAppDatabase } from '../helpers/action-harness';
import { loadReportContext } from '@/lib/server/reports/persons/report-context';

describe('the action client (issue 11 §1)', () => {
  let database: TestDatabase;
  let kurReport: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
    kurReport = await insertDraftReport(database.db, { employerKey: 'kur', activityCode: '41.20' });
  });
  afterAll(async () => database.close());

  const echo = employerAction('REPORTS', z.tuple([ZId, ZLine(10)]), async (_scope, id, text) => ({
    ok: true as const,
    id,
    text,
  }));
  const load = employerAction(
    'REPORTS',
    z.tuple([ZId]),
    async (scope, id) => {
      await loadReportContext(database.db, scope, id);
      return redirectTo(`/reports/${id}/view`);
    },
    { name: 'testLoad' },
  );
  const refuse = publicAction(z.tuple([]), async () => {
    throw new AppError('PERIOD_NOT_ENDED', { field: 'quarter' });
  });
  const xezer = principalOf('xezer-director', 'xezer');

  it('parses the arguments: wrong types, NUL bytes and long text are form refusals in words', async () => {
    for (const args of [
      [],
      [null],
      [[]],
      [{}, 'x'],
      ['not-a-uuid', 'x'],
      ['00000000-0000-4000-8000-000000000000', 'a\u0000b'],
      ['00000000-0000-4000-8000-000000000000', 'x'.repeat(11)],
    ]) {
      const outcome = await asPerson(xezer, () => callAction(echo, args));
      expect(outcome.kind, JSON.stringify(args)).toBe('refusal');
      if (outcome.kind === 'refusal')
        expect(outcome.message).not.toMatch(/[A-Z_]{6,}|invalid_type|Zod/);
    }
    const text = await asPerson(xezer, () =>
      callAction(echo, ['00000000-0000-4000-8000-000000000000', 'a\u0000b']),
    );
    expect(text).toMatchObject({ kind: 'refusal', code: 'TEXT_CONTROL_CHARACTERS' });
    const english = await asPerson(xezer, () => callAction(echo, [null]), 'en');
    expect(english).toMatchObject({
      kind: 'refusal',
      message: 'The information entered is not valid',
    });
    expect(
      await asPerson(xezer, () => callAction(echo, ['00000000-0000-4000-8000-000000000000', 'ok'])),
    ).toMatchObject({ kind: 'value' });
  });

  it('another employer’s id is a 404 and an audit row; a coded refusal comes back in words; redirects leave after the try', async () => {
    const before = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ACCESS'), eq(auditLog.outcome, 'DENIED')));
    expect(await asPerson(xezer, () => callAction(load, [kurReport]))).toEqual({
      kind: 'not-found',
    });
    const after = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ACCESS'), eq(auditLog.outcome, 'DENIED')));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      employerId: seedEmployer('xezer').id,
      actorFin: xezer.fin,
    });
    expect(after.at(-1)?.details).toMatchObject({ action: 'testLoad', reason: 'NOT_IN_SCOPE' });
    const kur = principalOf('kur-director', 'kur');
    expect(await asPerson(kur, () => callAction(load, [kurReport]))).toEqual({
      kind: 'redirect',
      to: `/reports/${kurReport}/view`,
    });
    expect(await asPerson(null, () => callAction(refuse, []))).toMatchObject({
      kind: 'refusal',
      code: 'PERIOD_NOT_ENDED',
    });
  });

  it('without a session the guard sends the person to the login page', async () => {
    expect(await asPerson(null, () => callAction(echo, []))).toEqual({
      kind: 'redirect',
      to: '/login',
    });
  });
});
