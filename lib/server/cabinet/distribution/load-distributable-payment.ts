import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { economicClassCodes, employers, ledgerEntries, payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { AppError } from '../../errors';
import { exactQepikTotal } from '../../exact-sum';
import { remainderSql } from '../../reports/payment-remainder';
import { isUuid } from '../../uuid';

export type DistributablePayment = {
  id: string;
  employerId: string;
  paymentDate: string;
  bankReference: string;
  activityCode: string | null;
  economicClassCode: string;
  amountQepik: number;
  remainderQepik: number;
};

export type ClassTarget = {
  code: string;
  side: 'EMPLOYER' | 'EMPLOYEE';
  nameAz: string;
  nameEn: string;
};
export type SubEmployerTarget = { id: string; name: string; dsmfRegNumber: string };

/**
 * One of the scope's payments with its remainder (DOMAIN §6: amount − what the reports that
 * stand use − what distributions moved). `lock` takes the payment's row lock first, so the
 * remainder read after it sees every distribution and report that committed before: two people
 * distributing the same payment at once queue here (issue 13 §7). Another employer's id → NOT_FOUND.
 */
export async function loadDistributablePayment(
  db: DbOrTx,
  scope: EmployerScope,
  paymentId: string,
  options: { lock?: boolean } = {},
): Promise<DistributablePayment> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(paymentId)) throw new AppError('NOT_FOUND', { params: { paymentId } });
  const own = and(eq(payments.id, paymentId), eq(payments.employerId, scope.employerId));
  if (options.lock) {
    const locked = await db.select({ id: payments.id }).from(payments).where(own).for('update');
    if (locked.length === 0) throw new AppError('NOT_FOUND', { params: { paymentId } });
  }
  const [row] = await db
    .select({
      id: payments.id,
      employerId: payments.employerId,
      paymentDate: payments.paymentDate,
      bankReference: payments.bankReference,
      activityCode: payments.activityCode,
      economicClassCode: payments.economicClassCode,
      amountQepik: payments.amountQepik,
      remainder: remainderSql,
    })
    .from(payments)
    .where(own);
  if (!row) throw new AppError('NOT_FOUND', { params: { paymentId } });
  const { remainder, ...rest } = row;
  return { ...rest, remainderQepik: exactQepikTotal(remainder) };
}

/** The classification codes a payment splits into (DOMAIN §8): its own code and its pair. */
export async function classTargets(
  db: DbOrTx,
  payment: DistributablePayment,
): Promise<ClassTarget[]> {
  const [own] = await db
    .select({ pair: economicClassCodes.pairCode })
    .from(economicClassCodes)
    .where(eq(economicClassCodes.code, payment.economicClassCode));
  const codes = [payment.economicClassCode, ...(own ? [own.pair] : [])];
  const rows = await db
    .select({
      code: economicClassCodes.code,
      side: economicClassCodes.side,
      nameAz: economicClassCodes.nameAz,
      nameEn: economicClassCodes.nameEn,
    })
    .from(economicClassCodes)
    .where(
      sql`${economicClassCodes.code} in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  // The employer side first, as the manual's pairs are written.
  return rows.sort((a, b) =>
    a.side === b.side ? a.code.localeCompare(b.code) : a.side === 'EMPLOYER' ? -1 : 1,
  );
}

/** The employers below the scope's employer in its structure, any depth (SPEC E3, E5). */
export async function subEmployerTargets(
  db: DbOrTx,
  scope: EmployerScope,
): Promise<SubEmployerTarget[]> {
  return db
    .select({ id: employers.id, name: employers.name, dsmfRegNumber: employers.dsmfRegNumber })
    .from(employers)
    .where(
      sql`${employers.id} in (
        with recursive below(id, depth) as (
          select e.id, 1 from employers e where e.parent_employer_id = ${scope.employerId}
          union all
          select e.id, b.depth + 1 from employers e join below b on e.parent_employer_id = b.id
          where b.depth < 16
        )
        select id from below)`,
    )
    .orderBy(asc(employers.name));
}

/**
 * The MDSS debt per side today, of the payment's code (or every code): the weights the form's
 * proposed classification split follows, so the default pays each side what it owes.
 */
export async function mdssDebtBySide(
  db: DbOrTx,
  payment: DistributablePayment,
): Promise<{ EMPLOYER: number; EMPLOYEE: number }> {
  const rows = await db
    .select({
      side: ledgerEntries.obligationSide,
      total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)::text`,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.employerId, payment.employerId),
        payment.activityCode === null
          ? undefined
          : eq(ledgerEntries.activityCode, payment.activityCode),
        eq(ledgerEntries.target, 'MDSS'),
      ),
    )
    .groupBy(ledgerEntries.obligationSide);
  const of = (side: 'EMPLOYER' | 'EMPLOYEE') =>
    Math.max(0, exactQepikTotal(rows.find((r) => r.side === side)?.total ?? '0'));
  return { EMPLOYER: of('EMPLOYER'), EMPLOYEE: of('EMPLOYEE') };
}
