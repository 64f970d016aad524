import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { AppError } from '../errors';
import { ledgerBalanceBefore } from '../reports/report-ledger';
import { quarterBounds } from '../reports/report-draft';
import { isUuid } from '../uuid';
import { recountDraftPersons } from '../reports/draft-change';

/**
 * "Dəqiqləşdirilmiş" (issue 6 §11, DOMAIN.md §6): a corrective draft that starts as a copy of
 * the accepted report — every step's data, persons, payments, signatories and confirmations —
 * so the employer changes only what was wrong. One open corrective per accepted report
 * (CORRECTIVE_EXISTS names it). The copy holds the payments from now on (see remainderSql).
 * Copied in SQL (INSERT … SELECT), so a 50 000-person report never travels through the app.
 */
export async function createCorrectiveReport(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
  asOf: Date = now(),
): Promise<{ reportId: string }> {
  assertScopeService(scope, 'REPORTS');
  assertNotStaffView(scope);
  if (!isUuid(input.reportId)) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const [original] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.id, input.reportId), eq(reports.employerId, scope.employerId)))
      .for('update');
    if (!original) throw new AppError('NOT_FOUND');
    if (original.status !== 'ACCEPTED') throw new AppError('CORRECTIVE_NEEDS_ACCEPTED');
    const [open] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.replacesReportId, original.id),
          eq(reports.employerId, scope.employerId),
          inArray(reports.status, ['DRAFT', 'SENT', 'RETURNED']),
        ),
      );
    if (open) throw new AppError('CORRECTIVE_EXISTS', { params: { reportId: open.id } });
    const id = randomUUID();
    const debtStartQepik = await ledgerBalanceBefore(
      tx,
      scope.employerId,
      original.activityCode,
      quarterBounds(original).from,
    );
    await tx.insert(reports).values({
      id,
      employerId: scope.employerId,
      activityCode: original.activityCode,
      year: original.year,
      quarter: original.quarter,
      reportType: 'CORRECTIVE',
      replacesReportId: original.id,
      debtStartQepik,
      stepState: original.stepState,
      confirmations: original.confirmations,
      distributedAt: original.distributedAt,
      penaltyComputedAt: original.penaltyComputedAt,
      createdByFin: scope.fin,
      createdAt: asOf,
      updatedAt: asOf,
    });
    const from = original.id;
    const emp = scope.employerId;
    await tx.execute(sql`insert into report_months (report_id, employer_id, month, labour_payments_qepik, headcount)
      select ${id}, employer_id, month, labour_payments_qepik, headcount from report_months where report_id = ${from} and employer_id = ${emp}`);
    await tx.execute(sql`insert into report_non_liable_incomes (id, report_id, employer_id, reason_code, month, amount_qepik)
      select gen_random_uuid(), ${id}, employer_id, reason_code, month, amount_qepik from report_non_liable_incomes where report_id = ${from} and employer_id = ${emp}`);
    await tx.execute(sql`insert into report_payments (report_id, employer_id, payment_id, amount_qepik, added_at)
      select ${id}, employer_id, payment_id, amount_qepik, added_at from report_payments where report_id = ${from} and employer_id = ${emp}`);
    await tx.execute(sql`insert into report_lines (report_id, employer_id, category, accrued_qepik, paid_qepik)
      select ${id}, employer_id, category, accrued_qepik, paid_qepik from report_lines where report_id = ${from} and employer_id = ${emp}`);
    await tx.execute(sql`insert into report_persons (report_id, employer_id, fin, surname, name, patronymic, income_m1_qepik, income_m2_qepik, income_m3_qepik)
      select ${id}, employer_id, fin, surname, name, patronymic, income_m1_qepik, income_m2_qepik, income_m3_qepik from report_persons where report_id = ${from} and employer_id = ${emp}`);
    await tx.execute(sql`insert into report_seniority (id, report_id, employer_id, fin, entry_id, days, from_date, to_date)
      select gen_random_uuid(), ${id}, employer_id, fin, entry_id, days, from_date, to_date from report_seniority where report_id = ${from} and employer_id = ${emp}`);
    await tx.execute(sql`insert into report_signatories (report_id, employer_id, role, fin, document_type, surname, name, patronymic)
      select ${id}, employer_id, role, fin, document_type, surname, name, patronymic from report_signatories where report_id = ${from} and employer_id = ${emp}`);
    // The copy's person counts, as the change path keeps them for every later change (issue 15).
    await recountDraftPersons(tx, { id, employerId: emp });
    await writeAudit(tx, {
      action: 'REPORT_CREATED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: id, reportType: 'CORRECTIVE', replaces: original.id },
    });
    return { reportId: id };
  });
}
