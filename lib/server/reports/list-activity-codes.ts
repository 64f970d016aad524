import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { activityCodes, employerActivityCodes } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';

export type ActivityCodeOption = { code: string; nameAz: string; nameEn: string };

/** The employer's registered activity codes, the only ones step F3 offers. */
export async function listActivityCodes(
  db: DbOrTx,
  scope: EmployerScope,
): Promise<ActivityCodeOption[]> {
  assertScopeService(scope, 'REPORTS');
  return db
    .select({
      code: activityCodes.code,
      nameAz: activityCodes.nameAz,
      nameEn: activityCodes.nameEn,
    })
    .from(employerActivityCodes)
    .innerJoin(activityCodes, eq(activityCodes.code, employerActivityCodes.activityCode))
    .where(eq(employerActivityCodes.employerId, scope.employerId))
    .orderBy(asc(activityCodes.code));
}
