import 'server-only';
import { asc } from 'drizzle-orm';
import { nonLiableIncomeReasons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';

export type NonLiableReasonOption = { code: string; nameAz: string; nameEn: string };

/** F8: the reasons an income is not subject to MDSS, in the list's order (SPEC F8). Read-only. */
export async function listNonLiableReasons(
  db: DbOrTx,
  scope: EmployerScope,
): Promise<NonLiableReasonOption[]> {
  assertScopeService(scope, 'REPORTS');
  return db
    .select({
      code: nonLiableIncomeReasons.code,
      nameAz: nonLiableIncomeReasons.nameAz,
      nameEn: nonLiableIncomeReasons.nameEn,
    })
    .from(nonLiableIncomeReasons)
    .orderBy(asc(nonLiableIncomeReasons.sortOrder), asc(nonLiableIncomeReasons.code));
}
