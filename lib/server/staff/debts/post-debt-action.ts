import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  debtActions,
  employerActivityCodes,
  ledgerEntries,
  type WriteOffCategory,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  decisionRefusal,
  writeOffLimit,
  writeOffNeedsApproval,
} from '@/lib/domain/staff/write-off-rules';
import { staffEmployer, writeStaffAudit, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { AppError, checkEveryField, isAppError } from '../../errors';
import { isUuid } from '../../uuid';
import { loadAccount } from '../../reports/account/load-account';
import { basisOf, pastDate, pastMonth, positiveAmount, writeOffCategory } from './debt-input';

// The fund's fines and write-offs (SPEC H2, issue 14 §6). Each posts ONE ledger entry of its own
// kind (FINE, WRITE_OFF) — never an update of the append-only ledger — and is audited in the
// same transaction. A write-off above 1 000 AZN waits for the head of the local body (four eyes,
// lib/domain/staff/write-off-rules.ts): nothing is posted until a second person approves it.

export type FineInput = {
  employerId: string;
  activityCode: string;
  basis: string;
  amount: string;
  date: string;
};

export type WriteOffInput = {
  employerId: string;
  activityCode: string;
  category: string;
  basis: string;
  amount: string;
  periodFrom: string;
  periodTo: string;
};

const FINE_SOURCE = 'STAFF_FINE';
const WRITE_OFF_SOURCE = 'STAFF_WRITE_OFF';

/** The employer (NOT_FOUND outside the staff member's body) and one of its registered codes. */
async function employerAndCode(
  db: DbOrTx,
  staff: StaffScope,
  employerId: string,
  activityCode: string,
) {
  if (employerId.trim() === '') {
    throw new AppError('DEBT_EMPLOYER_REQUIRED', { field: 'employerId' });
  }
  const employer = await staffEmployer(db, staff, employerId);
  const [code] = await db
    .select({ code: employerActivityCodes.activityCode })
    .from(employerActivityCodes)
    .where(
      and(
        eq(employerActivityCodes.employerId, employer.employerId),
        eq(employerActivityCodes.activityCode, activityCode),
      ),
    );
  if (!code) throw new AppError('DEBT_ACTIVITY_CODE_INVALID', { field: 'activityCode' });
  return { employer, activityCode: code.code };
}

/** One employer account's fines and write-offs at a time: the debt checked is the debt posted against. */
async function lockAccount(db: DbOrTx, employerId: string, activityCode: string): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`debts:${employerId}:${activityCode}`}, 0))`,
  );
}

/** The open debt of a category on the code's account, as the ledger's replay has it (DOMAIN.md §5). */
async function checkWriteOffLimit(
  db: DbOrTx,
  target: {
    employerId: string;
    activityCode: string;
    category: WriteOffCategory;
    amountQepik: number;
    periodFrom: string;
    periodTo: string;
  },
): Promise<{ obligationMonth: string | null }> {
  const account = await loadAccount(db, {
    employerId: target.employerId,
    activityCode: target.activityCode,
    excludeReportIds: [],
    extraMonths: [],
  });
  const items = account.state.items;
  const limit = writeOffLimit({
    category: target.category,
    amountQepik: target.amountQepik,
    from: target.periodFrom,
    to: target.periodTo,
    openQepik: items
      .filter((i) => i.category === target.category)
      .reduce((t, i) => t + i.openQepik, 0),
    mdss: items
      .filter((i) => i.category === 'MDSS' && i.month !== undefined)
      .map((i) => ({ month: i.month as string, openQepik: i.openQepik })),
  });
  if (limit.ok) return { obligationMonth: limit.obligationMonth };
  throw new AppError(limit.code, {
    field: limit.code === 'WRITE_OFF_EXCEEDS_DEBT' ? 'amount' : 'periodFrom',
    params:
      limit.code === 'WRITE_OFF_EXCEEDS_DEBT'
        ? { availableQepik: limit.availableQepik }
        : { availableQepik: limit.availableQepik, oldestMonth: limit.oldestMonth },
  });
}

function writeOffMemo(basis: string, from: string, to: string): string {
  return `${basis} (${from === to ? from : `${from} – ${to}`})`;
}

/**
 * "Cərimə tətbiq et": posts one FINE entry (target FINE) dated the fine's date, on the chosen
 * code of an employer of the body. It shows in cabinet view 14 and the F12 of the report of
 * its quarter.
 */
export async function imposeFine(
  db: DbOrTx,
  staff: StaffScope,
  input: FineInput,
  asOf: Date = now(),
): Promise<{ actionId: string; ledgerEntryId: number }> {
  const today = todayInBaku(asOf);
  return db.transaction(async (tx) => {
    const { employer, activityCode } = await employerAndCode(
      tx,
      staff,
      input.employerId,
      input.activityCode,
    );
    const [basis, amountQepik, date] = checkEveryField([
      () => basisOf(input.basis),
      () => positiveAmount(input.amount),
      () => pastDate(input.date, today),
    ]);
    await lockAccount(tx, employer.employerId, activityCode);
    const actionId = randomUUID();
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        employerId: employer.employerId,
        activityCode,
        entryDate: date,
        kind: 'FINE',
        amountQepik,
        target: 'FINE',
        memo: basis,
        sourceType: FINE_SOURCE,
        sourceId: actionId,
        createdBy: `STAFF:${staff.staffId}`,
      })
      .returning({ id: ledgerEntries.id });
    const ledgerEntryId = entry!.id;
    await tx.insert(debtActions).values({
      id: actionId,
      kind: 'FINE',
      employerId: employer.employerId,
      activityCode,
      category: 'FINE',
      amountQepik,
      actionDate: date,
      basis,
      status: 'POSTED',
      needsApproval: false,
      requestedByStaffId: staff.staffId,
      requestedByFin: staff.fin,
      requestedByName: staff.displayName,
      requestedAt: asOf,
      ledgerEntryId,
    });
    await writeStaffAudit(tx, staff, {
      action: 'STAFF_FINE_IMPOSED',
      employerId: employer.employerId,
      reason: basis,
      details: { debtActionId: actionId, ledgerEntryId, activityCode, amountQepik, date },
    });
    return { actionId, ledgerEntryId };
  });
}

/**
 * "Borcu sil": a write-off of MDSS or other debt over a period, up to the open debt of that
 * category. Up to 1 000 AZN it posts one WRITE_OFF entry (a credit, target the category) at
 * once; above it the request waits for the head's decision and nothing is posted.
 */
export async function requestWriteOff(
  db: DbOrTx,
  staff: StaffScope,
  input: WriteOffInput,
  asOf: Date = now(),
): Promise<{ actionId: string; status: 'POSTED' | 'PENDING'; ledgerEntryId: number | null }> {
  const today = todayInBaku(asOf);
  return db.transaction(async (tx) => {
    const { employer, activityCode } = await employerAndCode(
      tx,
      staff,
      input.employerId,
      input.activityCode,
    );
    const [category, basis, amountQepik, periodFrom, periodTo] = checkEveryField([
      () => writeOffCategory(input.category),
      () => basisOf(input.basis),
      () => positiveAmount(input.amount),
      () => pastMonth(input.periodFrom, today, 'periodFrom'),
      () => pastMonth(input.periodTo, today, 'periodTo'),
    ]);
    if (periodTo < periodFrom) throw new AppError('DEBT_PERIOD_ORDER', { field: 'periodTo' });
    await lockAccount(tx, employer.employerId, activityCode);
    const target = { employerId: employer.employerId, activityCode, category, amountQepik };
    const { obligationMonth } = await checkWriteOffLimit(tx, { ...target, periodFrom, periodTo });
    const actionId = randomUUID();
    const needsApproval = writeOffNeedsApproval(amountQepik);
    let ledgerEntryId: number | null = null;
    if (!needsApproval) {
      ledgerEntryId = await postWriteOff(tx, staff, {
        ...target,
        actionId,
        obligationMonth,
        memo: writeOffMemo(basis, periodFrom, periodTo),
        entryDate: today,
      });
    }
    await tx.insert(debtActions).values({
      id: actionId,
      kind: 'WRITE_OFF',
      ...target,
      actionDate: today,
      periodFrom,
      periodTo,
      basis,
      status: needsApproval ? 'PENDING' : 'POSTED',
      needsApproval,
      requestedByStaffId: staff.staffId,
      requestedByFin: staff.fin,
      requestedByName: staff.displayName,
      requestedAt: asOf,
      ledgerEntryId,
    });
    await writeStaffAudit(tx, staff, {
      action: needsApproval ? 'STAFF_WRITE_OFF_REQUESTED' : 'STAFF_WRITE_OFF_POSTED',
      employerId: employer.employerId,
      reason: basis,
      details: {
        debtActionId: actionId,
        ledgerEntryId,
        activityCode,
        category,
        amountQepik,
        periodFrom,
        periodTo,
      },
    });
    return { actionId, status: needsApproval ? 'PENDING' : 'POSTED', ledgerEntryId };
  });
}

async function postWriteOff(
  tx: DbOrTx,
  staff: StaffScope,
  w: {
    actionId: string;
    employerId: string;
    activityCode: string;
    category: WriteOffCategory;
    amountQepik: number;
    obligationMonth: string | null;
    memo: string;
    entryDate: string;
  },
): Promise<number> {
  const [entry] = await tx
    .insert(ledgerEntries)
    .values({
      employerId: w.employerId,
      activityCode: w.activityCode,
      entryDate: w.entryDate,
      kind: 'WRITE_OFF',
      amountQepik: -w.amountQepik,
      target: w.category,
      obligationMonth: w.category === 'MDSS' ? w.obligationMonth : null,
      memo: w.memo,
      sourceType: WRITE_OFF_SOURCE,
      sourceId: w.actionId,
      createdBy: `STAFF:${staff.staffId}`,
    })
    .returning({ id: ledgerEntries.id });
  return entry!.id;
}

/** The pending request, locked, if it is of an employer of the staff member's body. */
async function lockedRequest(tx: DbOrTx, staff: StaffScope, actionId: string) {
  if (!isUuid(actionId)) throw new AppError('NOT_FOUND', { params: { actionId } });
  const [row] = await tx
    .select()
    .from(debtActions)
    .where(eq(debtActions.id, actionId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { params: { actionId } });
  await staffEmployer(tx, staff, row.employerId);
  return row;
}

function refuseDecision(row: typeof debtActions.$inferSelect, staff: StaffScope): void {
  const refusal = decisionRefusal(row, staff);
  if (refusal === 'ROLE_NOT_ALLOWED') throw new AppError('NOT_FOUND');
  if (refusal === 'NOT_PENDING') throw new AppError('WRITE_OFF_NOT_PENDING');
  if (refusal === 'SELF_DECISION') throw new AppError('WRITE_OFF_SELF_DECISION');
}

/** A refused self-decision is recorded on its own: the transaction that asked rolled back. */
async function auditSelfDecision<T>(
  db: DbOrTx,
  staff: StaffScope,
  action: string,
  actionId: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === 'WRITE_OFF_SELF_DECISION') {
      const [row] = isUuid(actionId)
        ? await db
            .select({ employerId: debtActions.employerId })
            .from(debtActions)
            .where(eq(debtActions.id, actionId))
        : [];
      await writeStaffAudit(db, staff, {
        action,
        outcome: 'DENIED',
        employerId: row?.employerId ?? null,
        details: { debtActionId: actionId, reason: 'SELF_DECISION' },
      });
    }
    throw error;
  }
}

/**
 * The head's approval (issue 14 §6): posts the pending write-off's one WRITE_OFF entry, dated
 * today, after checking the debt again. The row is locked and its decision a conditional update
 * of a PENDING row, so two heads approving at once post once.
 */
export async function approveWriteOff(
  db: DbOrTx,
  staff: StaffScope,
  input: { actionId: string },
  asOf: Date = now(),
): Promise<{ ledgerEntryId: number }> {
  return auditSelfDecision(db, staff, 'STAFF_WRITE_OFF_APPROVED', input.actionId, () =>
    db.transaction(async (tx) => {
      const row = await lockedRequest(tx, staff, input.actionId);
      refuseDecision(row, staff);
      await lockAccount(tx, row.employerId, row.activityCode);
      const periodFrom = row.periodFrom ?? '';
      const periodTo = row.periodTo ?? '';
      const { obligationMonth } = await checkWriteOffLimit(tx, {
        employerId: row.employerId,
        activityCode: row.activityCode,
        category: row.category,
        amountQepik: row.amountQepik,
        periodFrom,
        periodTo,
      });
      const ledgerEntryId = await postWriteOff(tx, staff, {
        actionId: row.id,
        employerId: row.employerId,
        activityCode: row.activityCode,
        category: row.category,
        amountQepik: row.amountQepik,
        obligationMonth,
        memo: writeOffMemo(row.basis, periodFrom, periodTo),
        entryDate: todayInBaku(asOf),
      });
      const decided = await tx
        .update(debtActions)
        .set({
          status: 'POSTED',
          ledgerEntryId,
          decidedByStaffId: staff.staffId,
          decidedByFin: staff.fin,
          decidedByName: staff.displayName,
          decidedAt: asOf,
        })
        .where(and(eq(debtActions.id, row.id), eq(debtActions.status, 'PENDING')))
        .returning({ id: debtActions.id });
      if (decided.length !== 1) throw new AppError('WRITE_OFF_NOT_PENDING');
      await writeStaffAudit(tx, staff, {
        action: 'STAFF_WRITE_OFF_APPROVED',
        employerId: row.employerId,
        reason: row.basis,
        details: {
          debtActionId: row.id,
          ledgerEntryId,
          requestedByStaffId: row.requestedByStaffId,
          amountQepik: row.amountQepik,
          category: row.category,
        },
      });
      return { ledgerEntryId };
    }),
  );
}

/** The head's rejection, with a reason: nothing is posted. */
export async function rejectWriteOff(
  db: DbOrTx,
  staff: StaffScope,
  input: { actionId: string; reason: string },
  asOf: Date = now(),
): Promise<{ ok: true }> {
  return auditSelfDecision(db, staff, 'STAFF_WRITE_OFF_REJECTED', input.actionId, () =>
    db.transaction(async (tx) => {
      const row = await lockedRequest(tx, staff, input.actionId);
      refuseDecision(row, staff);
      const reason = input.reason.trim().replace(/\s+/g, ' ');
      if (reason === '') throw new AppError('DECISION_REASON_REQUIRED', { field: 'reason' });
      if (reason.length > 500)
        throw new AppError('TEXT_TOO_LONG', { field: 'reason', params: { max: 500 } });
      const decided = await tx
        .update(debtActions)
        .set({
          status: 'REJECTED',
          decisionReason: reason,
          decidedByStaffId: staff.staffId,
          decidedByFin: staff.fin,
          decidedByName: staff.displayName,
          decidedAt: asOf,
        })
        .where(and(eq(debtActions.id, row.id), eq(debtActions.status, 'PENDING')))
        .returning({ id: debtActions.id });
      if (decided.length !== 1) throw new AppError('WRITE_OFF_NOT_PENDING');
      await writeStaffAudit(tx, staff, {
        action: 'STAFF_WRITE_OFF_REJECTED',
        employerId: row.employerId,
        reason,
        details: {
          debtActionId: row.id,
          requestedByStaffId: row.requestedByStaffId,
          amountQepik: row.amountQepik,
        },
      });
      return { ok: true as const };
    }),
  );
}
