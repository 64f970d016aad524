import 'server-only';
import { and, asc, between, eq, inArray, lt, sql } from 'drizzle-orm';
import { ledgerEntries, type LedgerKind } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

// Ledger reads of the wizard (SPEC F4, F12, F15, F17; DOMAIN.md §6). Always per employer and
// activity code: the ledger is kept per code (DOMAIN.md §8).

/** F4: the balance of entries dated before `date` (debt > 0, overpayment < 0). */
export async function ledgerBalanceBefore(
  db: DbOrTx,
  employerId: string,
  activityCode: string,
  date: string,
): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.employerId, employerId),
        eq(ledgerEntries.activityCode, activityCode),
        lt(ledgerEntries.entryDate, date),
      ),
    );
  // sum(bigint) is numeric: it arrives as a string on both engines.
  return Number(row?.total ?? 0);
}

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
      ),
    )
    .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.id));
}
