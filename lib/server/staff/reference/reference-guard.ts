import 'server-only';
import { and, asc, eq, gt, gte, inArray, or } from 'drizzle-orm';
import { employers, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffRoleCovers } from '@/lib/domain/staff/staff-roles';
import {
  acceptedReportsTouched,
  firstTouchedQuarter,
  romanQuarter,
  type ReferenceChange,
} from '@/lib/domain/staff/reference-change-rules';
import type { StaffScope } from '../../access';
import { AppError } from '../../errors';

/** Reference data is the administrator's (issue 14 §11); anyone else finds nothing here. */
export function assertAdmin(staff: StaffScope): void {
  if (!staffRoleCovers(staff.role, 'ADMIN')) throw new AppError('NOT_FOUND');
}

/** '"Xəzər Texnologiyaları" MMC' as the fund writes it in a sentence: «Xəzər Texnologiyaları» MMC. */
function guillemets(name: string): string {
  const quoted = name.replace(/"([^"]+)"/g, '«$1»');
  return quoted.includes('«') ? quoted : `«${quoted}»`;
}

/** Reports whose period was accepted by the fund (a replaced one was accepted too). */
const ACCEPTED = ['ACCEPTED', 'REPLACED'] as const;

/**
 * Refuses a change that would alter a period an accepted report covers (issue 14 §11), naming
 * the earliest such report at the form's date field. `activityCode` narrows the reports to
 * those of one code (an activity code's own change touches only its reports).
 */
export async function refuseIfAcceptedPeriodTouched(
  tx: DbOrTx,
  change: ReferenceChange,
  field: string,
  activityCode?: string,
): Promise<void> {
  const first = firstTouchedQuarter(change);
  if (!first) throw new AppError('REFERENCE_DATE_INVALID', { field });
  const rows = await tx
    .select({ employerName: employers.name, year: reports.year, quarter: reports.quarter })
    .from(reports)
    .innerJoin(employers, eq(employers.id, reports.employerId))
    .where(
      and(
        inArray(reports.status, [...ACCEPTED]),
        or(
          gt(reports.year, first.year),
          and(eq(reports.year, first.year), gte(reports.quarter, first.quarter)),
        ),
        activityCode === undefined ? undefined : eq(reports.activityCode, activityCode),
      ),
    )
    .orderBy(asc(reports.year), asc(reports.quarter), asc(employers.name))
    .limit(1);
  const [hit] = acceptedReportsTouched(change, rows);
  if (hit) {
    throw new AppError('REFERENCE_PERIOD_ACCEPTED', {
      field,
      params: {
        employer: guillemets(hit.employerName),
        year: hit.year,
        quarter: romanQuarter(hit.quarter),
      },
    });
  }
}
