import 'server-only';
import { and, eq, lte, sql, type SQL } from 'drizzle-orm';
import { ledgerEntries } from '@/db/schema';
import type { IsoDate } from '@/lib/domain/calendar';
import type { CabinetContext } from './cabinet-context';

// The cabinet reads every figure from the append-only ledger (issue 13 §3): no balance is kept
// anywhere else, so a view's totals are the ledger's balance by construction. These fragments
// are the one spelling of "which category" and "which month" an entry belongs to.

/** The debt categories of views 5 and 7 (issue 13 §2), and the overpayment carried forward. */
export const DEBT_CATEGORIES = ['MDSS', 'PENALTY', 'FINES', 'OTHER', 'CREDIT'] as const;
export type DebtCategory = (typeof DEBT_CATEGORIES)[number];

/**
 * An entry's category: its target (what it accrues or settles), read from its kind for entries
 * written before targets existed. Fines and sanctions are one category on screen.
 */
const targetSql = sql`coalesce(${ledgerEntries.target},
  case ${ledgerEntries.kind}
    when 'PENALTY' then 'PENALTY'
    when 'FINE' then 'FINE'
    when 'SANCTION' then 'SANCTION'
    when 'OTHER_ACCRUAL' then 'OTHER'
    else 'MDSS' end)`;
export const categorySql: SQL<DebtCategory> = sql<DebtCategory>`(case ${targetSql}
  when 'FINE' then 'FINES'
  when 'SANCTION' then 'FINES'
  else ${targetSql} end)`;

/**
 * The contribution month an MDSS entry concerns: its obligation month, or the report month it
 * was posted for ('YYYY-MM'); null for entries of no month.
 */
export const obligationMonthSql: SQL<string | null> = sql<string | null>`coalesce(
  ${ledgerEntries.obligationMonth},
  case when ${ledgerEntries.periodYear} is not null and ${ledgerEntries.periodMonth} is not null
    then ${ledgerEntries.periodYear}::text || '-' || lpad(${ledgerEntries.periodMonth}::text, 2, '0')
  end)`;

/** The employer's entries, of the context's code when `code` is given, dated up to `to`. */
export function entriesUpTo(
  context: CabinetContext,
  to: IsoDate,
  code: string | null = context.code?.code ?? null,
): SQL {
  return and(
    eq(ledgerEntries.employerId, context.scope.employerId),
    code === null ? undefined : eq(ledgerEntries.activityCode, code),
    lte(ledgerEntries.entryDate, to),
  ) as SQL;
}
