import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveWriteOffAction,
  imposeFineAction,
  requestWriteOffAction,
} from '@/app/admin/(dashboard)/debts/actions';
import { auditLog, debtActions, ledgerEntries } from '@/db/schema';
import { seedEmployer } from '@/db/seed/employers';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import type { CabinetViewId } from '@/lib/cabinet/views';
import type { IsoDate } from '@/lib/domain/calendar';
import type { StaffScope } from '@/lib/server/access';
import { loadCabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { cabinetTablesLoader } from '@/lib/server/cabinet/view-tables';
import { AppError } from '@/lib/server/errors';
import { createReport } from '@/lib/server/reports/create-report';
import { loadFiguresContext } from '@/lib/server/reports/figures/load-report-figures';
import { getSanctions } from '@/lib/server/reports/get-sanctions';
import { runWithRequestContext } from '@/lib/server/request-context';
import {
  approveWriteOff,
  imposeFine,
  rejectWriteOff,
  requestWriteOff,
} from '@/lib/server/staff/debts/post-debt-action';
import {
  getDebtAction,
  listDebtActions,
  pendingWriteOffCounts,
} from '@/lib/server/staff/debts/list-debt-actions';
import { callAction, useAsAppDatabase } from '../../helpers/action-harness';
import {
  inSession,
  STAFF_KEYS,
  startStaffSession,
  staffScopeOf,
} from '../../helpers/staff-fixtures';
import type { TestDatabase } from '../../helpers/test-database';
import { scopeOf, seededDatabase } from '../../reports/report-fixtures';

// Fines and write-offs (issue 14 §6): one ledger entry each, four eyes above 1 000 AZN, the
// employer's cabinet (views 14–16) and the next report (F12, write-offs) read what was posted.

const XEZER = seedEmployer('xezer').id;
const KUR = seedEmployer('kur').id;
/** 20.08.2026 in Baku: the fund's entries of these tests are dated in 2026 Q3. */
const IN_Q3 = new Date('2026-08-20T08:00:00Z');
const REPORT_AT = new Date('2026-11-14T08:00:00Z');

let database: TestDatabase;
let operator: StaffScope;
let head: StaffScope;
let admin: StaffScope;
let otherBody: StaffScope;

beforeAll(async () => {
  database = await seededDatabase();
  useAsAppDatabase(database);
  operator = await staffScopeOf(database.db, STAFF_KEYS.operator);
  head = await staffScopeOf(database.db, STAFF_KEYS.head);
  admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
  otherBody = await staffScopeOf(database.db, STAFF_KEYS.otherBody);
}, 120_000);
afterAll(async () => database?.close());

const fine = (over: Partial<Parameters<typeof imposeFine>[2]> = {}) => ({
  employerId: XEZER,
  activityCode: '62.01',
  basis: 'İnzibati Xətalar Məcəlləsi, maddə 1',
  amount: '350,00',
  date: '2026-08-10',
  ...over,
});

const writeOff = (over: Partial<Parameters<typeof requestWriteOff>[2]> = {}) => ({
  employerId: KUR,
  activityCode: '41.20',
  category: 'MDSS',
  basis: 'Məhkəmə qərarı № 2-1/2026',
  amount: '1 500,00',
  periodFrom: '2024-12',
  periodTo: '2024-12',
  ...over,
});

async function entriesOf(actionId: string) {
  return database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, actionId));
}

async function refusalOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function cabinetRows(key: 'xezer' | 'kur', view: CabinetViewId, code: string) {
  const scope = await scopeOf(database.db, key);
  const { query } = parseCabinetQuery({ code }, '2026-11-30' as IsoDate);
  return runWithRequestContext({ principal: null, locale: 'en' }, async () => {
    const context = await loadCabinetContext(database.db, scope, query);
    const [table] = await cabinetTablesLoader(view)!(database.db, context, 'screen');
    return table!.rows;
  });
}

describe('fines', () => {
  it('posts one FINE entry, audited, seen in cabinet view 14 and in the next report’s F12', async () => {
    const { actionId, ledgerEntryId } = await imposeFine(database.db, operator, fine(), IN_Q3);
    const entries = await entriesOf(actionId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: ledgerEntryId,
      kind: 'FINE',
      target: 'FINE',
      amountQepik: 35_000,
      entryDate: '2026-08-10',
      employerId: XEZER,
      activityCode: '62.01',
    });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'STAFF_FINE_IMPOSED'), eq(auditLog.employerId, XEZER)));
    expect(audit?.actorFin).toBe(operator.fin);
    expect(audit?.details).toMatchObject({ reason: fine().basis, debtActionId: actionId });

    const view14 = await cabinetRows('xezer', 'V14', '62.01');
    expect(view14.map((r) => [r.cells.date, r.cells.basis, r.cells.accrued])).toContainEqual([
      '2026-08-10',
      fine().basis,
      35_000,
    ]);

    const xezer = await scopeOf(database.db, 'xezer');
    const { reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2026, quarter: 3, activityCode: '62.01' },
      REPORT_AT,
    );
    const f12 = await getSanctions(database.db, xezer, { reportId });
    expect(f12.entries.map((e) => [e.id, e.kind, e.amountQepik, e.memo])).toEqual([
      [ledgerEntryId, 'FINE', 35_000, fine().basis],
    ]);
  });

  it('refuses bad fields at their names, and another body’s employer is NOT_FOUND', async () => {
    const error = await refusalOf(() =>
      imposeFine(database.db, operator, fine({ basis: ' ', amount: '-5', date: '2099-01-01' })),
    );
    expect(error.fieldErrors.map((e) => [e.field, e.code])).toEqual([
      ['basis', 'DEBT_BASIS_REQUIRED'],
      ['amount', 'AMOUNT_NEGATIVE'],
      ['date', 'DEBT_DATE_IN_FUTURE'],
    ]);
    expect(
      (await refusalOf(() => imposeFine(database.db, operator, fine({ activityCode: '41.20' }))))
        .code,
    ).toBe('DEBT_ACTIVITY_CODE_INVALID');
    expect((await refusalOf(() => imposeFine(database.db, otherBody, fine()))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('write-offs', () => {
  it('posts one WRITE_OFF entry at once up to 1 000 AZN; views 15 and the next report read it', async () => {
    const result = await requestWriteOff(
      database.db,
      operator,
      writeOff({ employerId: XEZER, activityCode: '62.01', amount: '1000,00' }),
      IN_Q3,
    );
    expect(result.status).toBe('POSTED');
    const entries = await entriesOf(result.actionId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'WRITE_OFF',
      target: 'MDSS',
      obligationMonth: '2024-12',
      amountQepik: -100_000,
      entryDate: '2026-08-20',
    });
    const view15 = await cabinetRows('xezer', 'V15', '62.01');
    expect(view15.map((r) => [r.cells.month, r.cells.amount])).toContainEqual(['2024-12', 100_000]);
    const figures = await loadFiguresContext(
      database.db,
      {
        employerId: XEZER,
        activityCode: '62.01',
        year: 2026,
        quarter: 3,
        months: ['2026-07', '2026-08', '2026-09'],
        reportType: 'INITIAL',
        replacesReportId: null,
      },
      REPORT_AT,
    );
    expect(figures.writeOffsQepik).toBe(100_000);
  });

  it('refuses more than the debt of the category, saying how much there is', async () => {
    // Xəzər's 62.01 MDSS of December 2024: 1 250,40 ₼ carried, 1 000 ₼ written off above.
    const error = await refusalOf(() =>
      requestWriteOff(
        database.db,
        operator,
        writeOff({ employerId: XEZER, activityCode: '62.01', amount: '300,00' }),
      ),
    );
    expect([error.code, error.field, error.params]).toEqual([
      'WRITE_OFF_EXCEEDS_DEBT',
      'amount',
      { availableQepik: 25_040 },
    ]);
    const penalty = await refusalOf(() =>
      requestWriteOff(
        database.db,
        operator,
        writeOff({ employerId: XEZER, activityCode: '62.01', category: 'PENALTY', amount: '1' }),
      ),
    );
    expect(penalty.params).toEqual({ availableQepik: 0 });
  });

  it('waits above 1 000 AZN: nothing posted until the head approves; pending counted', async () => {
    const before = await pendingWriteOffCounts(database.db, head);
    const { actionId, status, ledgerEntryId } = await requestWriteOff(
      database.db,
      operator,
      writeOff({ basis: 'Waits for the head' }),
      IN_Q3,
    );
    expect([status, ledgerEntryId]).toEqual(['PENDING', null]);
    expect(await entriesOf(actionId)).toEqual([]);
    expect(await pendingWriteOffCounts(database.db, head)).toEqual({
      pending: before.pending + 1,
      awaitingMe: before.awaitingMe + 1,
    });
    // The operator sees it waiting, but it is not theirs to decide.
    expect((await pendingWriteOffCounts(database.db, operator)).awaitingMe).toBe(0);
    expect((await getDebtAction(database.db, operator, actionId)).canDecide).toBe(false);
    expect((await getDebtAction(database.db, head, actionId)).canDecide).toBe(true);

    // An operator cannot approve: the use case answers NOT_FOUND, the action 404s at the guard.
    expect((await refusalOf(() => approveWriteOff(database.db, operator, { actionId }))).code).toBe(
      'NOT_FOUND',
    );
    const session = await startStaffSession(database.db, STAFF_KEYS.operator);
    const form = new FormData();
    form.set('actionId', actionId);
    const outcome = await inSession(session, () => callAction(approveWriteOffAction, [null, form]));
    expect(outcome.kind).toBe('not-found');
    // Another body's head or operator does not even find it.
    expect((await refusalOf(() => getDebtAction(database.db, otherBody, actionId))).code).toBe(
      'NOT_FOUND',
    );

    const approved = await approveWriteOff(database.db, head, { actionId }, IN_Q3);
    const entries = await entriesOf(actionId);
    expect(entries.map((e) => [e.id, e.kind, e.amountQepik])).toEqual([
      [approved.ledgerEntryId, 'WRITE_OFF', -150_000],
    ]);
    const [row] = await database.db.select().from(debtActions).where(eq(debtActions.id, actionId));
    expect(row).toMatchObject({
      status: 'POSTED',
      decidedByFin: head.fin,
      requestedByFin: operator.fin,
      ledgerEntryId: approved.ledgerEntryId,
    });
    const view15 = await cabinetRows('kur', 'V15', '41.20');
    expect(view15.map((r) => r.cells.basis)).toContain('Waits for the head (2024-12)');
    // Decided once.
    expect((await refusalOf(() => approveWriteOff(database.db, admin, { actionId }))).code).toBe(
      'WRITE_OFF_NOT_PENDING',
    );
  });

  it('never lets the requester approve or reject, even the head; the refusal is audited', async () => {
    const { actionId } = await requestWriteOff(
      database.db,
      head,
      writeOff({ basis: 'Asked by the head' }),
    );
    expect((await getDebtAction(database.db, head, actionId)).canDecide).toBe(false);
    expect((await refusalOf(() => approveWriteOff(database.db, head, { actionId }))).code).toBe(
      'WRITE_OFF_SELF_DECISION',
    );
    expect(
      (await refusalOf(() => rejectWriteOff(database.db, head, { actionId, reason: 'no' }))).code,
    ).toBe('WRITE_OFF_SELF_DECISION');
    expect(await entriesOf(actionId)).toEqual([]);
    const denied = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'STAFF_WRITE_OFF_APPROVED'), eq(auditLog.outcome, 'DENIED')));
    expect(denied.map((d) => d.actorFin)).toContain(head.fin);
    // An administrator is another person: it may approve.
    await approveWriteOff(database.db, admin, { actionId });
    expect(await entriesOf(actionId)).toHaveLength(1);
  });

  it('posts once when two heads approve at the same time', async () => {
    const { actionId } = await requestWriteOff(
      database.db,
      operator,
      writeOff({ basis: 'Raced', amount: '1 000,01' }),
    );
    const results = await Promise.allSettled([
      approveWriteOff(database.db, head, { actionId }),
      approveWriteOff(database.db, admin, { actionId }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('WRITE_OFF_NOT_PENDING');
    expect(await entriesOf(actionId)).toHaveLength(1);
  });

  it('rejects with a reason and posts nothing', async () => {
    const { actionId } = await requestWriteOff(
      database.db,
      operator,
      writeOff({ basis: 'To be rejected' }),
    );
    expect(
      (await refusalOf(() => rejectWriteOff(database.db, head, { actionId, reason: '  ' }))).field,
    ).toBe('reason');
    await rejectWriteOff(database.db, head, { actionId, reason: 'Sənəd natamamdır' });
    expect(await entriesOf(actionId)).toEqual([]);
    const row = await getDebtAction(database.db, head, actionId);
    expect([row.status, row.decisionReason, row.canDecide]).toEqual([
      'REJECTED',
      'Sənəd natamamdır',
      false,
    ]);
    expect((await refusalOf(() => approveWriteOff(database.db, head, { actionId }))).code).toBe(
      'WRITE_OFF_NOT_PENDING',
    );
  });

  it('lists the body’s fines and write-offs paged, with their status; none of another body', async () => {
    const list = await listDebtActions(database.db, head, {});
    expect(list.total).toBeGreaterThanOrEqual(6);
    expect(new Set(list.rows.map((r) => r.status))).toEqual(new Set(['POSTED', 'REJECTED']));
    const rejected = await listDebtActions(database.db, head, { status: 'REJECTED' });
    expect(rejected.rows.map((r) => r.basis)).toEqual(['To be rejected']);
    expect((await listDebtActions(database.db, otherBody, {})).total).toBe(0);
    expect((await listDebtActions(database.db, admin, {})).total).toBe(list.total);
  });
});

describe('the actions', () => {
  it('refuse amounts with NUL bytes, negative or huge at the amount field', async () => {
    const session = await startStaffSession(database.db, STAFF_KEYS.operator);
    for (const [amount, code] of [
      ['12\u000034', 'TEXT_CONTROL_CHARACTERS'],
      ['-10,00', 'AMOUNT_NEGATIVE'],
      ['99999999999999999999', 'AMOUNT_TOO_LARGE'],
      ['0', 'AMOUNT_NOT_POSITIVE'],
    ] as const) {
      for (const action of [imposeFineAction, requestWriteOffAction]) {
        const form = new FormData();
        for (const [k, v] of Object.entries(
          action === imposeFineAction ? fine({ date: '2026-08-10' }) : writeOff(),
        ))
          form.set(k, v);
        form.set('amount', amount);
        const result = (await inSession(session, () => action(null, form))) as {
          ok: boolean;
          field?: string;
          code?: string;
        };
        expect([result.ok, result.field, result.code], amount).toEqual([false, 'amount', code]);
      }
    }
  });

  it('posts a fine and sends the browser to it', async () => {
    const session = await startStaffSession(database.db, STAFF_KEYS.operator);
    const form = new FormData();
    for (const [k, v] of Object.entries(fine({ date: '2026-08-11' }))) form.set(k, v);
    const outcome = await inSession(session, () => callAction(imposeFineAction, [null, form]));
    expect(outcome.kind).toBe('redirect');
    expect((outcome as { to: string }).to).toMatch(/^\/admin\/debts\/[0-9a-f-]{36}\?done=posted$/);
  });
});
