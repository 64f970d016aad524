import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { activityCodes, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';

export type ReportListRow = {
  id: string;
  reportType: 'INITIAL' | 'CORRECTIVE';
  year: number;
  quarter: number;
  activityCode: string;
  activityNameAz: string;
  activityNameEn: string;
  status: string;
  readyAt: Date | null;
  updatedAt: Date;
};

/**
 * The employer's reports, newest period first (the start of G1: where a draft is found again
 * after leaving the wizard). Search, sending and receipts come with the registry issue.
 */
export async function listReports(db: DbOrTx, scope: EmployerScope): Promise<ReportListRow[]> {
  assertScopeService(scope, 'REPORTS');
  return db
    .select({
      id: reports.id,
      reportType: reports.reportType,
      year: reports.year,
      quarter: reports.quarter,
      activityCode: reports.activityCode,
      activityNameAz: activityCodes.nameAz,
      activityNameEn: activityCodes.nameEn,
      status: reports.status,
      readyAt: reports.readyAt,
      updatedAt: reports.updatedAt,
    })
    .from(reports)
    .innerJoin(activityCodes, eq(activityCodes.code, reports.activityCode))
    .where(eq(reports.employerId, scope.employerId))
    .orderBy(desc(reports.year), desc(reports.quarter), reports.activityCode, desc(reports.updatedAt))
    .limit(200);
}
