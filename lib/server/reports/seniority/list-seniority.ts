import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { preferentialSeniorityEntries, reportPersons, reportSeniority } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { loadReportContext } from '../persons/report-context';

export type SeniorityRow = {
  id: string;
  fin: string;
  surname: string;
  name: string;
  entryId: number;
  section: string;
  positionCode: string;
  titleAz: string;
  titleEn: string;
  days: number | null;
  fromDate: string | null;
  toDate: string | null;
};

/** The report's persons with preferential seniority and their list entries (SPEC F24). */
export async function listSeniority(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<SeniorityRow[]> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  return db
    .select({
      id: reportSeniority.id,
      fin: reportSeniority.fin,
      surname: reportPersons.surname,
      name: reportPersons.name,
      entryId: reportSeniority.entryId,
      section: preferentialSeniorityEntries.section,
      positionCode: preferentialSeniorityEntries.positionCode,
      titleAz: preferentialSeniorityEntries.titleAz,
      titleEn: preferentialSeniorityEntries.titleEn,
      days: reportSeniority.days,
      fromDate: reportSeniority.fromDate,
      toDate: reportSeniority.toDate,
    })
    .from(reportSeniority)
    .innerJoin(
      preferentialSeniorityEntries,
      eq(preferentialSeniorityEntries.id, reportSeniority.entryId),
    )
    .innerJoin(
      reportPersons,
      and(
        eq(reportPersons.reportId, reportSeniority.reportId),
        eq(reportPersons.fin, reportSeniority.fin),
      ),
    )
    .where(
      and(
        eq(reportSeniority.reportId, report.id),
        eq(reportSeniority.employerId, scope.employerId),
      ),
    )
    .orderBy(asc(reportPersons.surname), asc(reportPersons.name), asc(reportSeniority.fin));
}
