import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog, employers } from '@/db/schema';
import { demoIdentity } from '@/db/seed/demo-identities';
import type { EmployerScope } from '@/lib/server/access';
import { ApiError } from '@/lib/server/api/api-response';
import { authenticateApiRequest } from '@/lib/server/api/authenticate-api-request';
import { createApiToken } from '@/lib/server/api/create-api-token';
import { handleValidateReport } from '@/lib/server/api/handle-report-requests';
import { listApiTokens } from '@/lib/server/api/list-api-tokens';
import { revokeApiToken } from '@/lib/server/api/revoke-api-token';
import { AppError } from '@/lib/server/errors';
import { insertAuthority } from '../helpers/identity-fixtures';
import type { TestDatabase } from '../helpers/test-database';
import {
  apiRequest,
  AS_OF,
  type ErrorBody,
  scopeOf,
  seededDatabase,
  tokenFor,
  workedExample,
  XEZER,
  registryFins,
} from './api-fixtures';

async function refusal(promise: Promise<unknown>): Promise<ApiError | AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError || error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('payroll API tokens (issue 5 §9)', () => {
  let database: TestDatabase;
  let director: EmployerScope;
  let accountant: EmployerScope;
  let kur: EmployerScope;
  let body: unknown;

  beforeAll(async () => {
    database = await seededDatabase();
    await insertAuthority(database.db, {
      employerId: XEZER,
      holderKey: 'xezer-accountant',
      service: 'REPORTS',
      grantedAt: new Date('2025-01-15T09:00:00Z'),
    });
    director = await scopeOf(database.db, 'xezer', 'xezer-director');
    accountant = await scopeOf(database.db, 'xezer', 'xezer-accountant');
    kur = await scopeOf(database.db, 'kur', 'kur-director');
    body = workedExample(await registryFins(database.db, 3));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('the responsible person creates a token, shown once and stored only as its SHA-256', async () => {
    const created = await createApiToken(database.db, director, { name: '  1C payroll  ' }, AS_OF);
    expect(created.token).toMatch(/^hsb_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe('1C payroll');
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(row!.tokenHash).not.toBe(created.token);
    expect(created.token.startsWith(row!.prefix)).toBe(true);
    expect(row!.prefix.length).toBeLessThan(16);
    // The secret is nowhere in the database: not in the token table, not in the audit log.
    const leaks = await database.db.execute(
      sql`select count(*)::int as n from api_tokens t where t::text like ${`%${created.token}%`}`,
    );
    const audits = await database.db.execute(
      sql`select count(*)::int as n from audit_log a where a::text like ${`%${created.token.slice(12)}%`}`,
    );
    const count = (r: unknown) =>
      Number((r as { rows?: { n: number }[] }).rows?.[0]?.n ?? (r as { n: number }[])[0]?.n);
    expect(count(leaks)).toBe(0);
    expect(count(audits)).toBe(0);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'API_TOKEN_CREATED'), eq(auditLog.employerId, XEZER)));
    expect(audit).toMatchObject({ outcome: 'SUCCESS', actorFin: director.fin });
  });

  it('an accountant with a REPORTS authority may list but not create or revoke (audited)', async () => {
    expect(accountant.via).toBe('AUTHORITY');
    const denied = await refusal(createApiToken(database.db, accountant, { name: 'Mine' }, AS_OF));
    expect(denied).toMatchObject({ code: 'TOKEN_RESPONSIBLE_ONLY', status: 403 });
    const [token] = await listApiTokens(database.db, accountant);
    expect(token).toBeDefined();
    expect(Object.keys(token!)).not.toContain('tokenHash');
    await expect(
      refusal(revokeApiToken(database.db, accountant, { tokenId: token!.id }, AS_OF)),
    ).resolves.toMatchObject({
      code: 'TOKEN_RESPONSIBLE_ONLY',
    });
    const deniedRows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.outcome, 'DENIED'), eq(auditLog.actorFin, accountant.fin)));
    expect(deniedRows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['API_TOKEN_CREATED', 'API_TOKEN_REVOKED']),
    );
  });

  it('a name is required and at most 100 characters', async () => {
    await expect(
      refusal(createApiToken(database.db, director, { name: '  ' })),
    ).resolves.toMatchObject({ code: 'TOKEN_NAME_REQUIRED' });
    await expect(
      refusal(createApiToken(database.db, director, { name: 'x'.repeat(101) })),
    ).resolves.toMatchObject({
      code: 'TOKEN_NAME_TOO_LONG',
    });
  });

  it('a valid token answers 200 and records last use; a revoked token answers 401', async () => {
    const token = await tokenFor(database.db, director, 'to revoke');
    const ok = await handleValidateReport(
      database.db,
      apiRequest('/api/v1/reports/validate', token, body),
      { asOf: AS_OF },
    );
    expect(ok.status).toBe(200);
    const [row] = await database.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.prefix, token.slice(0, 12)));
    expect(row!.lastUsedAt?.toISOString()).toBe(AS_OF.toISOString());

    await revokeApiToken(database.db, director, { tokenId: row!.id }, AS_OF);
    const after = await handleValidateReport(
      database.db,
      apiRequest('/api/v1/reports/validate', token, body),
      { asOf: AS_OF },
    );
    expect(after.status).toBe(401);
    expect(((await after.json()) as ErrorBody).error.code).toBe('TOKEN_INVALID');
    await expect(
      refusal(revokeApiToken(database.db, director, { tokenId: row!.id }, AS_OF)),
    ).resolves.toMatchObject({
      code: 'TOKEN_ALREADY_REVOKED',
    });
    const denied = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'API_AUTH'), eq(auditLog.outcome, 'DENIED')));
    expect(denied.some((d) => (d.details as { apiTokenId?: string }).apiTokenId === row!.id)).toBe(
      true,
    );
  });

  it('no header, a malformed or an unknown token answer 401 with a code and both texts', async () => {
    const cases: [string | null, string][] = [
      [null, 'TOKEN_MISSING'],
      ['not-a-token', 'TOKEN_INVALID'],
      [`hsb_${'A'.repeat(43)}`, 'TOKEN_INVALID'],
    ];
    for (const [token, code] of cases) {
      const response = await handleValidateReport(
        database.db,
        apiRequest('/api/v1/reports/validate', token, body),
        { asOf: AS_OF },
      );
      expect(response.status).toBe(401);
      const json = (await response.json()) as ErrorBody;
      expect(json.error.code).toBe(code);
      expect(json.error.message.az).not.toBe('');
      expect(json.error.message.en).not.toBe('');
    }
  });

  it('another employer cannot revoke the token (NOT_FOUND), nor see it in its list', async () => {
    const [token] = await listApiTokens(database.db, director);
    await expect(
      refusal(revokeApiToken(database.db, kur, { tokenId: token!.id }, AS_OF)),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      refusal(revokeApiToken(database.db, director, { tokenId: 'not-a-uuid' }, AS_OF)),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listApiTokens(database.db, kur)).toEqual([]);
  });

  it('60 requests a minute per token, then 429 with Retry-After', async () => {
    const token = await tokenFor(database.db, director, 'busy');
    const request = () => apiRequest('/api/v1/reports/validate', token, {});
    for (let i = 0; i < 60; i += 1) await authenticateApiRequest(database.db, request(), AS_OF);
    const limited = await handleValidateReport(database.db, request(), { asOf: AS_OF });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(((await limited.json()) as ErrorBody).error.code).toBe('RATE_LIMITED');
    const later = new Date(AS_OF.getTime() + 61_000);
    await expect(authenticateApiRequest(database.db, request(), later)).resolves.toMatchObject({
      scope: { employerId: XEZER },
    });
  });

  it('a token dies when its creator stops being the responsible person', async () => {
    const token = await tokenFor(database.db, director, 'director leaves');
    const other = demoIdentity('xezer-accountant').fin;
    await database.db
      .update(employers)
      .set({ responsibleFin: other })
      .where(eq(employers.id, XEZER));
    try {
      const response = await handleValidateReport(
        database.db,
        apiRequest('/api/v1/reports/validate', token, body),
        { asOf: AS_OF },
      );
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).error.code).toBe('TOKEN_INVALID');
    } finally {
      await database.db
        .update(employers)
        .set({ responsibleFin: director.fin })
        .where(eq(employers.id, XEZER));
    }
    const response = await handleValidateReport(
      database.db,
      apiRequest('/api/v1/reports/validate', token, body),
      { asOf: AS_OF },
    );
    expect(response.status).toBe(200);
  });
});
