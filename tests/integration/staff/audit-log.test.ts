import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportCsv } from '@/app/admin/audit/export/route';
import { auditLog } from '@/db/schema';
import { seed } from '@/db/seed';
import { demoIdentity } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import {
  parseAuditCursor,
  parseAuditFilter,
  type AuditFilter,
} from '@/lib/domain/staff/audit-filter';
import type { StaffScope } from '@/lib/server/access';
import { auditCsvChunks } from '@/lib/server/staff/audit/export-audit-log';
import {
  listAuditActions,
  searchAuditLog,
  type AuditRow,
} from '@/lib/server/staff/audit/search-audit-log';
import { callAction, useAsAppDatabase } from '../helpers/action-harness';
import {
  inSession,
  STAFF_KEYS,
  startEmployerSession,
  startStaffSession,
  staffScopeOf,
} from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The audit log viewer (issue 14 §12): every filter, keyset paging, the head's body scope, the
// CSV export (content, formula escaping) and its guard, and malformed filter values.

const XEZER = seedEmployer('xezer').id;
const KUR = seedEmployer('kur').id;
const SCHOOL = seedEmployer('school-6').id;
const DIRECTOR = demoIdentity('xezer-director').fin;

let database: TestDatabase;
let head: StaffScope;
let admin: StaffScope;

type Insert = typeof auditLog.$inferInsert;
const row = (over: Partial<Insert>): Insert => ({
  action: 'T_EVENT',
  outcome: 'SUCCESS',
  actorRole: 'EMPLOYER_USER',
  actorFin: DIRECTOR,
  employerId: XEZER,
  details: {},
  at: new Date('2026-03-05T10:00:00Z'),
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  useAsAppDatabase(database);
  head = await staffScopeOf(database.db, STAFF_KEYS.head);
  admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
  const rows: Insert[] = [];
  // 130 rows to page through (Xəzər and Kür, Nəsimi's employers).
  for (let i = 0; i < 130; i += 1) {
    rows.push(row({ action: 'T_PAGING', employerId: i % 2 === 0 ? XEZER : KUR }));
  }
  rows.push(
    // Səbail's school: never a Nəsimi head's.
    row({ action: 'T_FILTER', employerId: SCHOOL, actorFin: demoIdentity('school-director').fin }),
    // Staff's own actions, no employer: Nəsimi's (03) and Səbail's (07).
    row({
      action: 'T_FILTER',
      employerId: null,
      actorRole: 'STAFF',
      actorFin: demoIdentity(STAFF_KEYS.operator).fin,
      details: { localBodyCode: '03', staffRole: 'OPERATOR' },
    }),
    row({
      action: 'T_FILTER',
      employerId: null,
      actorRole: 'STAFF',
      actorFin: demoIdentity(STAFF_KEYS.otherBody).fin,
      details: { localBodyCode: '07', staffRole: 'OPERATOR' },
    }),
    // Outcomes and dates: 20:30 UTC on 10 March is 00:30 on 11 March in Baku.
    row({ action: 'T_FILTER', outcome: 'DENIED', at: new Date('2026-03-10T20:30:00Z') }),
    row({
      action: 'T_FILTER',
      outcome: 'FAILURE',
      employerId: KUR,
      at: new Date('2026-03-10T19:30:00Z'),
    }),
    // Formula injection in what the CSV writes, and a secret that must not be shown.
    row({
      action: 'T_CSV',
      ip: '=HYPERLINK("http://x";"y")',
      details: { memo: '+cmd|calc', apiToken: 'hst_SECRET', sessionId: '1234567890abcdef' },
    }),
  );
  await database.db.insert(auditLog).values(rows);
});
afterAll(async () => database?.close());

async function all(staff: StaffScope, filter: AuditFilter): Promise<AuditRow[]> {
  const result = await searchAuditLog(database.db, staff, filter, {}, 500);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return [...result.page.rows];
}

describe('audit log filters', () => {
  it('by action, outcome, actor and employer (id, name, VÖEN)', async () => {
    const filter = await all(admin, { action: 'T_FILTER' });
    expect(filter).toHaveLength(5);
    expect((await all(admin, { action: 'T_FILTER', outcome: 'DENIED' })).length).toBe(1);
    expect((await all(admin, { action: 'T_FILTER', outcome: 'FAILURE' }))[0]?.employerId).toBe(KUR);
    const byActor = await all(admin, {
      action: 'T_FILTER',
      actorFin: demoIdentity(STAFF_KEYS.operator).fin,
    });
    expect(byActor.map((r) => r.actorRole)).toEqual(['STAFF']);
    const byId = await all(head, { action: 'T_PAGING', employer: { kind: 'id', id: KUR } });
    expect(byId).toHaveLength(65);
    expect(byId.every((r) => r.employerId === KUR)).toBe(true);
    const byName = await all(head, {
      action: 'T_PAGING',
      employer: { kind: 'text', text: 'xəzər' },
    });
    expect(byName).toHaveLength(65);
    expect(byName[0]?.employerName).toBe('"Xəzər Texnologiyaları" MMC');
    const byVoen = await all(head, {
      action: 'T_PAGING',
      employer: { kind: 'text', text: seedEmployer('kur').voen },
    });
    expect(byVoen).toHaveLength(65);
    // A LIKE wildcard is matched literally.
    const wildcard = await searchAuditLog(database.db, head, {
      employer: { kind: 'text', text: '%' },
    });
    expect(wildcard.ok).toBe(false);
  });

  it('by Baku dates, inclusive', async () => {
    const on11 = await all(admin, {
      action: 'T_FILTER',
      dateFrom: '2026-03-11',
      dateTo: '2026-03-11',
    });
    expect(on11.map((r) => r.outcome)).toEqual(['DENIED']);
    const to10 = await all(admin, {
      action: 'T_FILTER',
      dateFrom: '2026-03-10',
      dateTo: '2026-03-10',
    });
    expect(to10.map((r) => r.outcome)).toEqual(['FAILURE']);
    expect((await all(admin, { action: 'T_FILTER', dateTo: '2026-03-09' })).length).toBe(3);
  });

  it('lists the actions the log holds', async () => {
    const actions = await listAuditActions(database.db);
    expect(actions).toEqual(expect.arrayContaining(['T_PAGING', 'T_FILTER', 'T_CSV']));
    expect([...actions].sort()).toEqual(actions);
  });
});

describe('audit log paging (keyset)', () => {
  it('pages through every row once, newest first, and back', async () => {
    const seen: number[] = [];
    const pages: number[] = [];
    let cursor = {};
    for (let guard = 0; guard < 10; guard += 1) {
      const result = await searchAuditLog(database.db, head, { action: 'T_PAGING' }, cursor, 50);
      if (!result.ok) throw new Error('refused');
      seen.push(...result.page.rows.map((r) => r.id));
      pages.push(result.page.page);
      expect(result.page.total).toBe(130);
      expect(result.page.pageCount).toBe(3);
      if (!result.page.next) break;
      cursor = result.page.next;
    }
    expect(pages).toEqual([1, 2, 3]);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    // Back from the last page: the second page again, exactly.
    const last = await searchAuditLog(
      database.db,
      head,
      { action: 'T_PAGING' },
      { before: seen[99]! },
      50,
    );
    if (!last.ok || !last.page.previous) throw new Error('no previous');
    const back = await searchAuditLog(
      database.db,
      head,
      { action: 'T_PAGING' },
      last.page.previous,
      50,
    );
    if (!back.ok) throw new Error('refused');
    expect(back.page.rows.map((r) => r.id)).toEqual(seen.slice(50, 100));
    expect(back.page.page).toBe(2);
  });
});

describe('audit log scope', () => {
  it("a Nəsimi head never sees a Səbail employer's rows, and sees only the body's staff", async () => {
    const rows = await all(head, { action: 'T_FILTER' });
    expect(rows.some((r) => r.employerId === SCHOOL)).toBe(false);
    const staffRows = rows.filter((r) => r.actorRole === 'STAFF');
    expect(staffRows.map((r) => (r.details as { localBodyCode: string }).localBodyCode)).toEqual([
      '03',
    ]);
    expect(rows).toHaveLength(3);
    // Nothing of another body's employer, whatever the filter.
    const everything = await searchAuditLog(database.db, head, {}, {}, 500);
    if (!everything.ok) throw new Error('refused');
    const schoolRows = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.employerId, SCHOOL));
    const ids = new Set(everything.page.rows.map((r) => r.id));
    expect(schoolRows.some((r) => ids.has(r.id))).toBe(false);
  });

  it("naming another body's employer is refused at the field and audited as a probe", async () => {
    const result = await searchAuditLog(database.db, head, {
      employer: { kind: 'id', id: SCHOOL },
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'employer', code: 'AUDIT_EMPLOYER_NOT_FOUND' }],
    });
    const probes = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'STAFF_ACCESS'), eq(auditLog.actorFin, head.fin)));
    expect(
      probes.some((p) => (p.details as { useCase?: string }).useCase === 'auditLogEmployer'),
    ).toBe(true);
    // The administrator reads every body.
    expect(
      (await all(admin, { employer: { kind: 'id', id: SCHOOL }, action: 'T_FILTER' })).length,
    ).toBe(1);
  });
});

describe('malformed filter values', () => {
  it('give a coded message at the field, never a crash', () => {
    const { errors } = parseAuditFilter({
      actor: 'a\u0000b',
      employer: 'x\u0000y',
      action: 'DROP TABLE;',
      outcome: 'MAYBE',
      from: '2026-02-30',
      to: '99999-01-01',
    });
    expect(errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'action:AUDIT_ACTION_FORMAT',
      'actor:AUDIT_ACTOR_FORMAT',
      'dateFrom:AUDIT_DATE_FORMAT',
      'dateTo:AUDIT_DATE_FORMAT',
      'employer:AUDIT_EMPLOYER_TEXT',
      'outcome:AUDIT_OUTCOME_UNKNOWN',
    ]);
    expect(parseAuditFilter({ from: '2026-03-10', to: '2026-03-01' }).errors).toEqual([
      { field: 'dateTo', code: 'AUDIT_DATE_RANGE' },
    ]);
    expect(parseAuditCursor({ before: '99999999999999999999' })).toEqual({});
    expect(parseAuditCursor({ before: '-1', after: '1e9' })).toEqual({});
    expect(parseAuditCursor({ before: '42' })).toEqual({ before: 42 });
  });

  it('a huge cursor or a long employer text reaches SQL harmlessly', async () => {
    const far = await searchAuditLog(database.db, head, {}, { before: Number.MAX_SAFE_INTEGER });
    expect(far.ok).toBe(true);
    const text = await searchAuditLog(database.db, head, {
      employer: { kind: 'text', text: "'; select 1; --" },
    });
    expect(text.ok).toBe(false);
  });
});

async function csvOf(staff: StaffScope, filter: AuditFilter): Promise<string> {
  const chunks = await auditCsvChunks(
    database.db,
    staff,
    filter,
    {
      columns: [
        'id',
        'at',
        'fin',
        'name',
        'role',
        'action',
        'eid',
        'employer',
        'outcome',
        'ip',
        'details',
      ],
      truncated: 'TRUNCATED',
    },
    100,
  );
  if (!chunks) throw new Error('refused');
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('CSV export', () => {
  it('writes the filtered rows, formula-safe, without secrets, and says when it is cut', async () => {
    const text = await csvOf(admin, { action: 'T_CSV' });
    expect(text.startsWith('\uFEFFid;at;fin;')).toBe(true);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"";""y"")"`);
    expect(lines[1]).toContain('+cmd|calc');
    expect(lines[1]).not.toContain('hst_SECRET');
    expect(lines[1]).not.toContain('1234567890abcdef');
    expect(lines[1]).toContain('T_CSV');
    const paging = await csvOf(head, { action: 'T_PAGING' });
    const pagingLines = paging.split('\r\n').filter(Boolean);
    expect(pagingLines).toHaveLength(102);
    expect(pagingLines[101]).toBe('TRUNCATED');
  });

  const url = (query: string) => new Request(`http://localhost/admin/audit/export${query}`);
  // Wrapped: callAction reads `ok: false` as a refusal, and a 4xx Response has ok false.
  const respond = (query: string) => async () => ({ response: await exportCsv(url(query)) });
  const responseOf = (outcome: Awaited<ReturnType<typeof callAction>>): Response => {
    if (outcome.kind !== 'value') throw new Error(outcome.kind);
    return (outcome.value as { response: Response }).response;
  };

  it('the route answers heads and administrators with the file', async () => {
    for (const key of [STAFF_KEYS.head, STAFF_KEYS.admin]) {
      const session = await startStaffSession(database.db, key);
      const outcome = await inSession(session, () =>
        callAction(() => exportCsv(url('?action=T_FILTER')), []),
      );
      if (outcome.kind !== 'value') throw new Error(`${key}: ${outcome.kind}`);
      const response = outcome.value as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const body = await response.text();
      const rows = body.split('\r\n').filter(Boolean).length - 1;
      expect(rows).toBe(key === STAFF_KEYS.head ? 3 : 5);
      expect(body).toContain('Sığortaedən');
    }
  });

  it('the route refuses an employer session, operators, reviewers and other bodies', async () => {
    const employer = await startEmployerSession(database.db, 'xezer-director');
    expect(await inSession(employer, () => callAction(() => exportCsv(url('')), []))).toEqual({
      kind: 'redirect',
      to: '/admin/login',
    });
    for (const key of [
      STAFF_KEYS.operator,
      STAFF_KEYS.reviewer,
      STAFF_KEYS.otherBody,
      STAFF_KEYS.ended,
    ]) {
      const session = await startStaffSession(database.db, key);
      const outcome = await inSession(session, () => callAction(() => exportCsv(url('')), []));
      expect(outcome.kind, key).toBe('not-found');
    }
  });

  it('the route answers a malformed filter or a foreign employer with a message, not a 500', async () => {
    const session = await startStaffSession(database.db, STAFF_KEYS.head);
    const bad = responseOf(
      await inSession(session, () => callAction(respond('?from=2026-13-01&actor=%00'), [])),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/FİN|Tarix/);
    const foreign = responseOf(
      await inSession(session, () => callAction(respond(`?employer=${SCHOOL}`), [])),
    );
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toContain('tapılmadı');
  });
});

describe('audit rows the head reads exist as inserted', () => {
  it('the fixture is what the tests assume', async () => {
    const rows = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(inArray(auditLog.action, ['T_PAGING', 'T_FILTER', 'T_CSV']));
    expect(rows).toHaveLength(136);
  });
});
