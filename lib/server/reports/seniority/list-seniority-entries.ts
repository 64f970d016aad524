import 'server-only';
import { asc } from 'drizzle-orm';
import { preferentialSeniorityEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';

export type SeniorityEntryOption = {
  id: number;
  section: string;
  positionCode: string;
  titleAz: string;
  titleEn: string;
};

/** The list of positions with preferential seniority that F24 chooses from (SPEC F24, DOMAIN.md §8). Read-only. */
export async function listSeniorityEntries(
  db: DbOrTx,
  scope: EmployerScope,
): Promise<SeniorityEntryOption[]> {
  assertScopeService(scope, 'REPORTS');
  return db
    .select({
      id: preferentialSeniorityEntries.id,
      section: preferentialSeniorityEntries.section,
      positionCode: preferentialSeniorityEntries.positionCode,
      titleAz: preferentialSeniorityEntries.titleAz,
      titleEn: preferentialSeniorityEntries.titleEn,
    })
    .from(preferentialSeniorityEntries)
    .orderBy(asc(preferentialSeniorityEntries.positionCode));
}
