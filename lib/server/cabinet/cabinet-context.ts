import 'server-only';
import { asc, eq, min } from 'drizzle-orm';
import { activityCodes, employerActivityCodes, employers, ledgerEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { CabinetQuery } from '@/lib/cabinet/query';
import { assertScopeService, type EmployerScope } from '../access';
import { AppError } from '../errors';
import { subEmployerTargets, type SubEmployerTarget } from './distribution/load-distributable-payment';

export type CabinetActivityCode = {
  code: string;
  nameAz: string;
  nameEn: string;
  sector: 'NON_OIL_NON_STATE' | 'STATE_OR_OIL';
  employerClassCode: string;
  employeeClassCode: string;
};

/** What every cabinet view knows: whose cabinet, which code, which period (issue 13 §1–§3). */
export interface CabinetContext {
  /** A REPORTS scope: the cabinet is part of the reports module (SPEC D1). */
  readonly scope: EmployerScope;
  readonly query: CabinetQuery;
  readonly employer: { id: string; name: string; voen: string; dsmfRegNumber: string };
  /** The employer's registered activity codes (view 6 offers these). */
  readonly codes: readonly CabinetActivityCode[];
  /** The code views 7–16 show: the URL's, or the only one when there is one. */
  readonly code: CabinetActivityCode | null;
  /** The URL named a code the employer is not registered for. */
  readonly codeNotRegistered: string | null;
  /** The years the period filter offers, newest first: from the first ledger entry to asOf. */
  readonly years: readonly number[];
  /** A sub-employer's cabinet seen from above (SPEC E5): the employer the person acts for. */
  readonly actingFor: { id: string; name: string } | null;
  /** The employers below this one in its structure ("Alt təşkilatların ödənişləri"). */
  readonly subEmployers: readonly SubEmployerTarget[];
}

/** Loads the cabinet's context for the scope's employer. */
export async function loadCabinetContext(
  db: DbOrTx,
  scope: EmployerScope,
  query: CabinetQuery,
): Promise<CabinetContext> {
  assertScopeService(scope, 'REPORTS');
  const [employer] = await db
    .select({
      id: employers.id,
      name: employers.name,
      voen: employers.voen,
      dsmfRegNumber: employers.dsmfRegNumber,
    })
    .from(employers)
    .where(eq(employers.id, scope.employerId));
  if (!employer) throw new AppError('NOT_FOUND');
  const codes = await db
    .select({
      code: activityCodes.code,
      nameAz: activityCodes.nameAz,
      nameEn: activityCodes.nameEn,
      sector: activityCodes.sector,
      employerClassCode: activityCodes.employerClassCode,
      employeeClassCode: activityCodes.employeeClassCode,
    })
    .from(employerActivityCodes)
    .innerJoin(activityCodes, eq(activityCodes.code, employerActivityCodes.activityCode))
    .where(eq(employerActivityCodes.employerId, scope.employerId))
    .orderBy(asc(activityCodes.code));
  const typed: CabinetActivityCode[] = codes;
  const [first] = await db
    .select({ date: min(ledgerEntries.entryDate) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.employerId, scope.employerId));
  const lastYear = Number(query.asOf.slice(0, 4));
  const firstYear = Math.min(lastYear, first?.date ? Number(first.date.slice(0, 4)) : lastYear);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => lastYear - i);
  const named = query.code === null ? null : (typed.find((c) => c.code === query.code) ?? null);
  const code = named ?? (query.code === null && typed.length === 1 ? typed[0]! : null);
  let actingFor: CabinetContext['actingFor'] = null;
  if (scope.actingForEmployerId) {
    const [above] = await db
      .select({ id: employers.id, name: employers.name })
      .from(employers)
      .where(eq(employers.id, scope.actingForEmployerId));
    actingFor = above ?? null;
  }
  return {
    scope,
    query,
    employer,
    codes: typed,
    code,
    codeNotRegistered: query.code !== null && named === null ? query.code : null,
    years,
    actingFor,
    subEmployers: await subEmployerTargets(db, scope),
  };
}

/** The context of a view that needs a code, or NOT_FOUND (an export link without one). */
export function requireCabinetCode(context: CabinetContext): CabinetActivityCode {
  if (!context.code) throw new AppError('NOT_FOUND');
  return context.code;
}
