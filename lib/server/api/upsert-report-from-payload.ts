import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportMonths, EDITABLE_STATUSES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { addNonLiableIncome } from '../reports/add-non-liable-income';
import { createReport } from '../reports/create-report';
import { deleteNonLiableIncome } from '../reports/delete-non-liable-income';
import { getReport } from '../reports/get-report';
import { importPersons } from '../reports/import/import-persons';
import { saveHeadcount } from '../reports/save-headcount';
import { saveLabourPayments } from '../reports/save-labour-payments';
import { saveReportLines } from '../reports/save-report-lines';
import { saveSignatory } from '../reports/signatories/save-signatory';
import { ApiError } from './api-response';
import { checkReportRequest } from './check-report-request';
import { findPayloadReport } from './find-payload-report';

export type UpsertedReport = {
  reportId: string;
  status: 'DRAFT';
  reviewUrl: string;
  created: boolean;
};

/**
 * POST /api/v1/reports (issue 5 §9): creates the İlkin draft for (activity code, year, quarter),
 * or replaces an existing draft's months (F7, F18), non-liable income (F8), persons (F20, import
 * in replace mode) and — when sent — lines (F13–F16) and signatories (F25), through the wizard's
 * own use cases in one transaction: all or nothing. Payments (F6) stay as chosen in the portal.
 * It saves only what checkReportRequest — validate's own validation — accepted (issue 10 §5): a
 * report past DRAFT answers 409 REPORT_NOT_DRAFT there, and again here if it was sent meanwhile.
 * A person then reviews and signs in the portal.
 */
export async function upsertReportFromPayload(
  db: DbOrTx,
  scope: EmployerScope,
  body: unknown,
  options: { asOf?: Date; tokenId?: string } = {},
): Promise<UpsertedReport> {
  const asOf = options.asOf ?? now();
  const { report } = await checkReportRequest(db, scope, body, asOf);
  return db.transaction(async (tx) => {
    const existing = await findPayloadReport(tx, scope, report, { lock: true });
    if (existing && !EDITABLE_STATUSES.has(existing.status))
      throw new ApiError(409, 'REPORT_NOT_DRAFT');
    const reportId =
      existing?.id ??
      (
        await createReport(
          tx,
          scope,
          {
            reportType: 'INITIAL',
            activityCode: report.activityCode,
            year: report.year,
            quarter: report.quarter,
          },
          asOf,
        )
      ).reportId;

    // A month the payload leaves out is unanswered again (the payload is the whole report).
    await tx
      .update(reportMonths)
      .set({ labourPaymentsQepik: null, headcount: null })
      .where(
        and(eq(reportMonths.reportId, reportId), eq(reportMonths.employerId, scope.employerId)),
      );
    const given = <T>(values: Partial<Record<string, T>>) =>
      report.months.flatMap((month) =>
        values[month] === undefined ? [] : [{ month, value: values[month] as T }],
      );
    const labour = given(report.labourPaymentsQepik);
    if (labour.length > 0)
      await saveLabourPayments(
        tx,
        scope,
        { reportId, months: labour.map((m) => ({ month: m.month, labourPaymentsQepik: m.value })) },
        asOf,
      );
    const headcount = given(report.headcount);
    if (headcount.length > 0)
      await saveHeadcount(
        tx,
        scope,
        { reportId, months: headcount.map((m) => ({ month: m.month, headcount: m.value })) },
        asOf,
      );

    for (const income of (await getReport(tx, scope, reportId)).nonLiableIncomes)
      await deleteNonLiableIncome(tx, scope, { reportId, incomeId: income.id }, asOf);
    for (const income of report.nonLiableIncome)
      await addNonLiableIncome(tx, scope, { reportId, ...income }, asOf);
    for (const line of report.lines) await saveReportLines(tx, scope, { reportId, ...line }, asOf);

    // Rows numbered from 1 so an import refusal maps back to persons[line - 1].
    const rows = report.persons.map((p) => ({
      line: p.index + 1,
      fin: p.fin,
      surname: p.surname,
      name: p.name,
      incomes: p.incomeTexts,
    }));
    await importPersons(
      tx,
      scope,
      { reportId, mode: 'replace', source: { kind: 'rows', rows } },
      { asOf },
    );
    for (const s of report.signatories) await saveSignatory(tx, scope, { reportId, ...s }, asOf);

    await writeAudit(tx, {
      action: 'API_REPORT_UPSERTED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        reportId,
        created: !existing,
        persons: rows.length,
        apiTokenId: options.tokenId ?? null,
      },
    });
    return {
      reportId,
      status: 'DRAFT' as const,
      reviewUrl: `/reports/${reportId}/check-answers`,
      created: !existing,
    };
  });
}
