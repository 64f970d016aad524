import 'server-only';
import { and, asc, like, or, sql, type SQL } from 'drizzle-orm';
import { employers, EMPLOYER_TYPES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  escapeLike,
  NAME_FOLD_FROM,
  NAME_FOLD_TO,
  parseEmployerQuery,
} from '@/lib/domain/staff/employer-search';
import { staffBodyFilter, type StaffScope } from '../../access';

export const EMPLOYERS_PAGE_SIZE = 20;

export type StaffEmployerRow = {
  id: string;
  name: string;
  employerType: (typeof EMPLOYER_TYPES)[number];
  voen: string;
  dsmfRegNumber: string;
  localBodyCode: string;
  localBodyName: string;
};

export type StaffEmployerPage = {
  rows: StaffEmployerRow[];
  total: number;
  page: number;
  pageCount: number;
};

/** The employer's name folded as the query is (lib/domain/staff/employer-search.ts). */
const foldedName = sql`lower(translate(${employers.name}, ${NAME_FOLD_FROM}, ${NAME_FOLD_TO}))`;

function matching(query: string | undefined): SQL | undefined {
  const parsed = parseEmployerQuery(query);
  if (parsed.kind === 'none') return undefined;
  if (parsed.kind === 'digits') {
    const start = `${parsed.digits}%`;
    return or(like(employers.voen, start), like(employers.dsmfRegNumber, start));
  }
  return sql`${foldedName} like ${`%${escapeLike(parsed.folded)}%`} escape '\\'`;
}

/**
 * The employers a staff member may work on (issue 14 §4): those of their local body (all, for
 * central staff) whose name contains the query (case and Azerbaijani letters folded), or whose
 * VÖEN or DSMF number starts with it; by name, counted and paged in SQL.
 */
export async function searchEmployers(
  db: DbOrTx,
  staff: StaffScope,
  input: { query?: string; page?: number },
): Promise<StaffEmployerPage> {
  const where = and(staffBodyFilter(staff, employers.localBodyCode), matching(input.query));
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(employers)
    .where(where);
  const total = Number(counted?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / EMPLOYERS_PAGE_SIZE));
  const asked = Number.isSafeInteger(input.page) && input.page! >= 1 ? input.page! : 1;
  const page = Math.min(asked, pageCount);
  const rows = await db
    .select({
      id: employers.id,
      name: employers.name,
      employerType: employers.employerType,
      voen: employers.voen,
      dsmfRegNumber: employers.dsmfRegNumber,
      localBodyCode: employers.localBodyCode,
      localBodyName: employers.localBodyName,
    })
    .from(employers)
    .where(where)
    .orderBy(asc(foldedName), asc(employers.id))
    .limit(EMPLOYERS_PAGE_SIZE)
    .offset((page - 1) * EMPLOYERS_PAGE_SIZE);
  return { rows, total, page, pageCount };
}
