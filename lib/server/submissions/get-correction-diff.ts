import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { reports, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { diffPersonMonths, type PersonMonthChange } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../access';
import { AppError } from '../errors';
import { loadReportContext } from '../reports/persons/report-context';
import { loadContributionSchedule } from '../reports/report-rates';
import { buildReportDocument } from './build-report-document';
import { documentContributions } from './posting';
import type { ReportDocument } from './report-document-types';

export type BeforeAfter = { beforeQepik: number; afterQepik: number };

export type CorrectionDiff = {
  replacesReportId: string;
  replacesReceiptNumber: string;
  months: ({ month: string } & BeforeAfter)[];
  mdss: BeforeAfter;
  penalty: BeforeAfter;
  debtEnd: BeforeAfter;
  persons: { before: number; after: number };
  /** Changed person-months with names, FIN order; at most `limit`, `changedCount` is all. */
  changes: (PersonMonthChange & { name: string })[];
  changedCount: number;
};

const penaltyOf = (d: ReportDocument) =>
  d.lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0;

/**
 * The check page of a corrective report (issue 6 §11): against the report it replaces, what
 * changed per person and month (income and MDSS), per month, and in MDSS, penalty and the
 * closing debt. The corrective side is the draft as it stands (or as sent, once sent).
 */
export async function getCorrectionDiff(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; limit?: number },
): Promise<CorrectionDiff | null> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  const [row] = await db
    .select({ type: reports.reportType, replaces: reports.replacesReportId })
    .from(reports)
    .where(and(eq(reports.id, report.id), eq(reports.employerId, scope.employerId)));
  if (!row) throw new AppError('NOT_FOUND');
  if (row.type !== 'CORRECTIVE' || !row.replaces) return null;
  const latest = async (reportId: string, accepted: boolean) => {
    const rows = await db
      .select({
        json: submissions.documentJson,
        receipt: submissions.receiptNumber,
        status: submissions.status,
      })
      .from(submissions)
      .where(and(eq(submissions.reportId, reportId), eq(submissions.employerId, scope.employerId)))
      .orderBy(desc(submissions.receivedAt));
    return rows.find((r) => !accepted || r.status === 'ACCEPTED') ?? null;
  };
  const previousRow = await latest(row.replaces, true);
  if (!previousRow) return null;
  const before = JSON.parse(previousRow.json) as ReportDocument;
  const sent =
    report.status === 'DRAFT' || report.status === 'RETURNED'
      ? null
      : await latest(report.id, false);
  const after = sent
    ? (JSON.parse(sent.json) as ReportDocument)
    : // What sending now would sign: the figures are computed now, so this reads only.
      (await buildReportDocument(db, report)).document;
  const schedule = await loadContributionSchedule(db);
  const fb = documentContributions(before, schedule);
  const fa = documentContributions(after, schedule);
  const changes = diffPersonMonths(fb.contributions, fa.contributions);
  const names = new Map<string, string>();
  for (const p of [...before.persons, ...after.persons])
    names.set(p.fin, `${p.surname} ${p.name} ${p.patronymic}`);
  const monthTotal = (d: ReportDocument, m: string) => {
    const c = d.contributions.find((x) => x.month === m);
    return (c?.employerQepik ?? 0) + (c?.employeeQepik ?? 0);
  };
  const mdss = (d: ReportDocument) => d.totals.mdssEmployerQepik + d.totals.mdssEmployeeQepik;
  const limit = input.limit ?? 200;
  return {
    replacesReportId: row.replaces,
    replacesReceiptNumber: previousRow.receipt,
    months: after.period.months.map((m) => ({
      month: m,
      beforeQepik: monthTotal(before, m),
      afterQepik: monthTotal(after, m),
    })),
    mdss: { beforeQepik: mdss(before), afterQepik: mdss(after) },
    penalty: { beforeQepik: penaltyOf(before), afterQepik: penaltyOf(after) },
    debtEnd: { beforeQepik: before.totals.debtEndQepik, afterQepik: after.totals.debtEndQepik },
    persons: { before: before.persons.length, after: after.persons.length },
    changes: changes.slice(0, limit).map((c) => ({ ...c, name: names.get(c.fin) ?? '' })),
    changedCount: changes.length,
  };
}
