import 'server-only';
import { and, asc, between, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { ledgerEntries, type LedgerKind } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { exactQepikTotal, sumAsText } from '../exact-sum';

// Ledger reads of the wizard (SPEC F4, F12, F15, F17; DOMAIN.md §6). Always per employer and
// activity code: the ledger is kept per code (DOMAIN.md §8).

/**
 * The accounting month of an entry as yyyymm: its period when it has one (report postings carry
 * the month they belong to), else the month of its date (the fund's fines, write-offs, openings).
 */
const periodKey = sql<number>`coalesce(${ledgerEntries.periodYear} * 100 + ${ledgerEntries.periodMonth},
  extract(year from ${ledgerEntries.entryDate})::int * 100 + extract(month from ${ledgerEntries.entryDate})::int)`;

const yyyymm = (date: string) => Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));

/**
 * F4: the balance of entries whose accounting month is before the month of `date` (debt > 0,
 * overpayment < 0). By accounting month, not entry date, so a payment made in October for
 * September's contributions and posted with the Q3 report counts in Q3 (DOMAIN.md §6).
 */
export async function ledgerBalanceBefore(
  db: DbOrTx,
  employerId: string,
  activityCode: string,
  date: string,
): Promise<number> {
  // yyyymm − 1 is ≥ every earlier month and < this one (there is no month 00).
  return ledgerBalanceThrough(db, employerId, activityCode, yyyymm(date) - 1);
}

/** The balance of entries whose accounting month is ≤ `monthKey` ('YYYY-MM' or yyyymm). */
export async function ledgerBalanceThrough(
  db: DbOrTx,
  employerId: string,
  activityCode: string,
  month: string | number,
): Promise<number> {
  const through = typeof month === 'number' ? month : yyyymm(`${month}-01`);
  const [row] = await db
    .select({ total: sumAsText(ledgerEntries.amountQepik) })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.employerId, employerId),
        eq(ledgerEntries.activityCode, activityCode),
        sql`${periodKey} <= ${through}`,
      ),
    );
  // sum(bigint) is numeric: it arrives as a string on both engines, read exactly.
  return exactQepikTotal(row?.total);
}

/** source_type of every entry an accepted report posts. */
export const REPORT_SOURCE = 'REPORT';

export type LedgerEntryView = {
  id: number;
  entryDate: string;
  kind: LedgerKind;
  amountQepik: number;
  memo: string | null;
};

/** Entries of the given kinds dated inside [from, to], oldest first. */
export async function ledgerEntriesBetween(
  db: DbOrTx,
  employerId: string,
  activityCode: string,
  kinds: readonly LedgerKind[],
  range: { from: string; to: string },
): Promise<LedgerEntryView[]> {
  return db
    .select({
      id: ledgerEntries.id,
      entryDate: ledgerEntries.entryDate,
      kind: ledgerEntries.kind,
      amountQepik: ledgerEntries.amountQepik,
      memo: ledgerEntries.memo,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.employerId, employerId),
        eq(ledgerEntries.activityCode, activityCode),
        inArray(ledgerEntries.kind, [...kinds]),
        between(ledgerEntries.entryDate, range.from, range.to),
        // The fund's own entries only: what accepted reports posted is not re-declared.
        or(isNull(ledgerEntries.sourceType), ne(ledgerEntries.sourceType, REPORT_SOURCE)),
      ),
    )
    .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.id));
}
