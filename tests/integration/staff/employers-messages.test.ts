import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, messageHandled } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import { resolveEmployerAccess, type EmployerScope, type StaffScope } from '@/lib/server/access';
import { loadCabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { cabinetTablesLoader } from '@/lib/server/cabinet/view-tables';
import { todayInBaku } from '@/lib/server/clock';
import { runWithRequestContext } from '@/lib/server/request-context';
import { AppError, isAppError } from '@/lib/server/errors';
import { countUnreadMessages } from '@/lib/server/messages/count-unread-messages';
import { answerMessage } from '@/lib/server/messages/fund/answer-message';
import { getEmployerThread } from '@/lib/server/messages/fund/get-employer-thread';
import { listEmployerThreads } from '@/lib/server/messages/fund/list-employer-threads';
import { getMessageThread } from '@/lib/server/messages/get-message-thread';
import { sendMessage } from '@/lib/server/messages/send-message';
import { getStaffEmployer } from '@/lib/server/staff/employers/get-staff-employer';
import { searchEmployers } from '@/lib/server/staff/employers/search-employers';
import { listStaffInbox } from '@/lib/server/staff/employers/staff-inbox';
import { markThreadHandled, openStaffThread } from '@/lib/server/staff/employers/staff-thread';
import { demoActor, ensureDemoCertificates } from '../helpers/identity-fixtures';
import { STAFF_KEYS, staffScopeOf } from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Issue 14 §4 and §7: employers search and page, the staff inbox, answers and "handled".

const XEZER = seedEmployer('xezer');
const KUR = seedEmployer('kur');
const SCHOOL = seedEmployer('school-6');
const AS_OF = new Date('2026-11-25T10:00:00Z');

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

let database: TestDatabase;
let reviewer: StaffScope;
let operator: StaffScope;
let sebail: StaffScope;
let admin: StaffScope;
let xezer: EmployerScope;
let school: EmployerScope;
let tick = 0;
const at = () => new Date(AS_OF.getTime() + ++tick * 1000);

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  await ensureDemoCertificates(database.db);
  reviewer = await staffScopeOf(database.db, STAFF_KEYS.reviewer);
  operator = await staffScopeOf(database.db, STAFF_KEYS.operator);
  sebail = await staffScopeOf(database.db, STAFF_KEYS.otherBody);
  admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
  const access = await resolveEmployerAccess(
    database.db,
    demoActor('xezer-director'),
    XEZER.id,
    'REPORTS',
    AS_OF,
  );
  if (!access.ok) throw new Error(access.reason);
  xezer = access.scope;
  const schoolAccess = await resolveEmployerAccess(
    database.db,
    demoActor('school-director'),
    SCHOOL.id,
    'REPORTS',
    AS_OF,
  );
  if (!schoolAccess.ok) throw new Error(schoolAccess.reason);
  school = schoolAccess.scope;
});
afterAll(async () => database?.close());

const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name);

describe('employer search (issue 14 §4)', () => {
  it('finds by name, whatever the case and Azerbaijani letters', async () => {
    for (const query of ['Xəzər', 'xezer', 'XƏZƏR texnologiyalari', 'texnologiyaları']) {
      expect(names(await searchEmployers(database.db, operator, { query }))).toEqual([XEZER.name]);
    }
    expect(names(await searchEmployers(database.db, operator, { query: 'kur insaat' }))).toEqual([
      KUR.name,
    ]);
    expect((await searchEmployers(database.db, operator, { query: '100%' })).total).toBe(0);
  });

  it('finds by VÖEN and by DSMF number, whole or their start', async () => {
    for (const query of [XEZER.voen, XEZER.dsmfRegNumber, XEZER.voen.slice(0, 6)]) {
      expect(names(await searchEmployers(database.db, reviewer, { query }))).toEqual([XEZER.name]);
    }
  });

  it('keeps to the staff member’s body; an administrator sees every body', async () => {
    const own = await searchEmployers(database.db, operator, {});
    expect(names(own).sort()).toEqual([KUR.name, XEZER.name].sort());
    expect((await searchEmployers(database.db, sebail, { query: 'Xəzər' })).total).toBe(0);
    expect((await searchEmployers(database.db, sebail, { query: XEZER.voen })).total).toBe(0);
    expect(names(await searchEmployers(database.db, sebail, { query: 'məktəb' }))).toContain(
      SCHOOL.name,
    );
    expect(names(await searchEmployers(database.db, admin, { query: 'Xəzər' }))).toEqual([
      XEZER.name,
    ]);
    const all = await searchEmployers(database.db, admin, {});
    expect(all.total).toBeGreaterThan(own.total);
    expect(all.rows.length).toBeLessThanOrEqual(20);
  });
});

describe('employer page (issue 14 §4)', () => {
  it('is NOT_FOUND for another body’s employer', async () => {
    expect(
      (await refusal(() => getStaffEmployer(database.db, sebail, { employerId: XEZER.id }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await refusal(() => getStaffEmployer(database.db, operator, { employerId: 'x' }))).code,
    ).toBe('NOT_FOUND');
  });

  it('shows the same debt and payments as the employer’s own cabinet', () =>
    runWithRequestContext({ principal: null, locale: 'az' }, async () => {
      const today = todayInBaku();
      const view = await getStaffEmployer(database.db, reviewer, { employerId: XEZER.id }, today);
      expect(view.data.voen).toBe(XEZER.voen);
      const context = await loadCabinetContext(
        database.db,
        xezer,
        parseCabinetQuery({}, today).query,
      );
      const cabinet = await cabinetTablesLoader('V5')!(database.db, context, 'screen');
      const cells = (tables: typeof cabinet) =>
        tables.map((t) => ({ totals: t.totals, rows: t.rows.map((r) => r.cells) }));
      expect(cells(view.totalDebt)).toEqual(cells(cabinet));
      expect(view.totalDebt[0]!.rows.length).toBeGreaterThan(0);
      // Each code's line opens the staff page, never the employer's cabinet.
      for (const row of view.totalDebt[0]!.rows)
        expect(row.href).toMatch(new RegExp(`^/admin/employers/${XEZER.id}\\?code=`));
      const payments = await cabinetTablesLoader('V17')!(database.db, context, 'screen');
      expect(cells(view.payments)).toEqual(cells(payments));
      const code = context.codes[0]!.code;
      const byCode = await getStaffEmployer(
        database.db,
        reviewer,
        { employerId: XEZER.id, code },
        today,
      );
      const codeContext = await loadCabinetContext(
        database.db,
        xezer,
        parseCabinetQuery({ code }, today).query,
      );
      const debts = await cabinetTablesLoader('V7')!(database.db, codeContext, 'screen');
      expect(cells(byCode.codeDebt!)).toEqual(cells(debts));
      expect(view.reports.page).toBe(1);
    }));
});

describe('staff inbox and answers (issue 14 §7)', () => {
  it('lists the body’s threads, unread first; not another body’s', async () => {
    const read = await sendMessage(
      database.db,
      xezer,
      { subject: 'Oxunan', body: 'a', attachments: [] },
      at(),
    );
    await getEmployerThread(database.db, operator, {
      employerId: XEZER.id,
      threadId: read.threadId,
    });
    const fresh = await sendMessage(
      database.db,
      xezer,
      { subject: 'Yeni sual', body: 'b', attachments: [] },
      at(),
    );
    // A later thread, already read: it still comes after every unread one.
    const later = await sendMessage(
      database.db,
      xezer,
      { subject: 'Sonrakı', body: 'c', attachments: [] },
      at(),
    );
    await getEmployerThread(database.db, operator, {
      employerId: XEZER.id,
      threadId: later.threadId,
    });
    await sendMessage(database.db, school, { subject: 'Məktəb', body: 'd', attachments: [] }, at());
    const inbox = await listStaffInbox(database.db, reviewer, {});
    const unreadFlags = inbox.rows.map((r) => r.unreadForFund > 0);
    expect(unreadFlags.indexOf(false)).toBeGreaterThan(0);
    expect(unreadFlags.slice(unreadFlags.indexOf(false))).not.toContain(true);
    expect(inbox.rows[0]!.threadId).toBe(fresh.threadId);
    expect(inbox.rows.map((r) => r.employerId)).not.toContain(SCHOOL.id);
    const subjects = inbox.rows.map((r) => r.subject);
    expect(subjects.indexOf('Sonrakı')).toBeGreaterThan(subjects.indexOf('Yeni sual'));
    const other = await listStaffInbox(database.db, sebail, {});
    expect(other.rows.map((r) => r.subject)).toEqual(['Məktəb']);
    const everyone = await listStaffInbox(database.db, admin, { box: 'all' });
    expect(everyone.rows.map((r) => r.employerId)).toContain(SCHOOL.id);
    // Filtered to one employer; another body's is NOT_FOUND.
    const ofKur = await listStaffInbox(database.db, reviewer, { employerId: KUR.id });
    expect(ofKur.total).toBe(0);
    expect(
      (await refusal(() => listStaffInbox(database.db, sebail, { employerId: XEZER.id }))).code,
    ).toBe('NOT_FOUND');
  });

  it('answers in the employer’s thread; the employer’s unread count goes up', async () => {
    const asked = await sendMessage(
      database.db,
      xezer,
      { subject: 'Borc haqqında', body: 'Sual', attachments: [] },
      at(),
    );
    const opened = await openStaffThread(database.db, reviewer, {
      employerId: XEZER.id,
      threadId: asked.threadId,
    });
    expect(opened.thread.messages.map((m) => m.body)).toEqual(['Sual']);
    const before = await countUnreadMessages(database.db, xezer);
    const answer = await answerMessage(
      database.db,
      reviewer,
      {
        employerId: XEZER.id,
        messageId: asked.messageId,
        body: 'Cavab',
        attachments: [
          {
            fileName: 'cavab.pdf',
            declaredType: 'application/pdf',
            bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
          },
        ],
      },
      at(),
    );
    expect(await countUnreadMessages(database.db, xezer)).toBe(before + 1);
    const thread = await getMessageThread(database.db, xezer, { messageId: asked.messageId });
    expect(thread.messages.map((m) => [m.body, m.fromFund, m.attachments.length])).toEqual([
      ['Sual', false, 0],
      ['Cavab', true, 1],
    ]);
    const [audit] = await database.db
      .select({ details: auditLog.details, actorFin: auditLog.actorFin })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'MESSAGE_ANSWERED'), eq(auditLog.employerId, XEZER.id)))
      .orderBy(sql`${auditLog.at} desc`)
      .limit(1);
    expect(audit).toMatchObject({ actorFin: reviewer.fin });
    expect(audit!.details).toMatchObject({
      messageId: answer.messageId,
      staffId: reviewer.staffId,
    });
  });

  it('answers NOT_FOUND for another body’s message, thread or employer', async () => {
    const asked = await sendMessage(
      database.db,
      xezer,
      { subject: 'Gizli', body: 'x', attachments: [] },
      at(),
    );
    const probes = [
      () =>
        answerMessage(database.db, sebail, {
          employerId: XEZER.id,
          messageId: asked.messageId,
          body: 'b',
          attachments: [],
        }),
      () =>
        getEmployerThread(database.db, sebail, { employerId: XEZER.id, threadId: asked.threadId }),
      () =>
        openStaffThread(database.db, sebail, { employerId: XEZER.id, threadId: asked.threadId }),
      () => listEmployerThreads(database.db, sebail, { employerId: XEZER.id }),
      () =>
        markThreadHandled(database.db, sebail, { employerId: XEZER.id, threadId: asked.threadId }),
      () =>
        answerMessage(database.db, reviewer, {
          employerId: KUR.id,
          messageId: asked.messageId,
          body: 'b',
          attachments: [],
        }),
    ];
    for (const probe of probes) expect((await refusal(probe)).code).toBe('NOT_FOUND');
  });

  it('refuses bad attachments at their field and writes nothing', async () => {
    const asked = await sendMessage(
      database.db,
      xezer,
      { subject: 'Fayl', body: 'x', attachments: [] },
      at(),
    );
    const count = async () => (await getMessageThread(database.db, xezer, asked)).messages.length;
    const bad = [
      { fileName: 'a.pdf', declaredType: 'application/pdf', bytes: new TextEncoder().encode('MZ') },
      { fileName: 'a.exe', declaredType: 'application/x-msdownload', bytes: new Uint8Array([1]) },
    ];
    for (const file of bad) {
      const error = await refusal(() =>
        answerMessage(database.db, reviewer, {
          employerId: XEZER.id,
          messageId: asked.messageId,
          body: 'b',
          attachments: [file],
        }),
      );
      expect(error.field).toBe('attachments');
    }
    const many = Array.from({ length: 6 }, (_, i) => ({
      fileName: `${i}.png`,
      declaredType: 'image/png',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    }));
    expect(
      (
        await refusal(() =>
          answerMessage(database.db, reviewer, {
            employerId: XEZER.id,
            messageId: asked.messageId,
            body: 'b',
            attachments: many,
          }),
        )
      ).code,
    ).toBe('ATTACHMENTS_TOO_MANY');
    expect(await count()).toBe(1);
  });

  it('“handled” moves a thread out of the open inbox, findable still; a new message reopens it', async () => {
    const asked = await sendMessage(
      database.db,
      xezer,
      { subject: 'Baxılacaq', body: 'x', attachments: [] },
      at(),
    );
    const open = async () =>
      (await listStaffInbox(database.db, reviewer, { page: 1 })).rows.map((r) => r.threadId);
    expect(await open()).toContain(asked.threadId);
    await markThreadHandled(
      database.db,
      reviewer,
      { employerId: XEZER.id, threadId: asked.threadId },
      at(),
    );
    expect(await open()).not.toContain(asked.threadId);
    const handled = await listStaffInbox(database.db, reviewer, { box: 'handled' });
    expect(handled.rows.find((r) => r.threadId === asked.threadId)).toMatchObject({
      handled: true,
    });
    const all = await listStaffInbox(database.db, reviewer, { box: 'all', employerId: XEZER.id });
    expect(all.rows.map((r) => r.threadId)).toContain(asked.threadId);
    expect(
      (
        await refusal(() =>
          markThreadHandled(database.db, reviewer, {
            employerId: XEZER.id,
            threadId: asked.threadId,
          }),
        )
      ).code,
    ).toBe('STAFF_THREAD_ALREADY_HANDLED');
    const [audit] = await database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'MESSAGE_THREAD_HANDLED'), eq(auditLog.employerId, XEZER.id)));
    expect(audit!.details).toMatchObject({ threadId: asked.threadId, staffId: reviewer.staffId });
    // The mark is append-only.
    await expect(
      database.db.delete(messageHandled).where(eq(messageHandled.threadId, asked.threadId)),
    ).rejects.toThrow();
    // The employer writes again: the thread is open again.
    await sendMessage(
      database.db,
      xezer,
      { subject: 'x', body: 'Yenə', parentId: asked.messageId, attachments: [] },
      at(),
    );
    expect(await open()).toContain(asked.threadId);
  });
});
