import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { reportMonths, reports } from '@/db/schema';
import { seedEmployer } from '@/db/seed/employers';
import type { DbOrTx } from '@/db/types';
import { quarterMonths } from '@/lib/domain';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { demoActor } from './identity-fixtures';

// Draft reports for the persons/distribution/review tests, inserted directly so these tests
// do not depend on the create-report use case (written alongside by another issue).

export const REPORTS_AS_OF = new Date('2025-10-10T09:00:00Z');

/** The REPORTS scope of an employer's responsible person (seed: 'xezer-director', 'kur-director'). */
export async function reportsScope(
  db: DbOrTx,
  employerKey: string,
  actorKey: string,
): Promise<EmployerScope> {
  const access = await resolveEmployerAccess(
    db,
    demoActor(actorKey),
    seedEmployer(employerKey).id,
    'REPORTS',
    REPORTS_AS_OF,
  );
  if (!access.ok) throw new Error(`no REPORTS access for ${actorKey}: ${access.reason}`);
  return access.scope;
}

export type DraftFixture = {
  employerKey?: string;
  activityCode?: string;
  year?: number;
  quarter?: 1 | 2 | 3 | 4;
  reportType?: 'INITIAL' | 'CORRECTIVE';
  /** Per month of the quarter (F7, F18); null leaves it unanswered. */
  labourPaymentsQepik?: (number | null)[];
  headcount?: (number | null)[];
};

/** Inserts a DRAFT report (default: Xəzər, 62.01, 2025 Q3, İlkin) and its three report_months rows. */
export async function insertDraftReport(db: DbOrTx, fixture: DraftFixture = {}): Promise<string> {
  const employer = seedEmployer(fixture.employerKey ?? 'xezer');
  const year = fixture.year ?? 2025;
  const quarter = fixture.quarter ?? 3;
  const id = randomUUID();
  await db.insert(reports).values({
    id,
    employerId: employer.id,
    activityCode: fixture.activityCode ?? '62.01',
    year,
    quarter,
    reportType: fixture.reportType ?? 'INITIAL',
    createdByFin: employer.responsibleFin,
  });
  await db.insert(reportMonths).values(
    quarterMonths({ year, quarter }).map((month, i) => ({
      reportId: id,
      employerId: employer.id,
      month,
      labourPaymentsQepik: fixture.labourPaymentsQepik?.[i] ?? null,
      headcount: fixture.headcount?.[i] ?? null,
    })),
  );
  return id;
}

/** Sets one month's F7 labour payments and F18 headcount directly. */
export async function setReportMonth(
  db: DbOrTx,
  reportId: string,
  month: string,
  values: { labourPaymentsQepik?: number | null; headcount?: number | null },
): Promise<void> {
  await db
    .update(reportMonths)
    .set(values)
    .where(and(eq(reportMonths.reportId, reportId), eq(reportMonths.month, month)));
}
