import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { qepikFromDecimalText } from '@/lib/domain';
import { AppError } from './errors';

// PostgreSQL's sum(bigint) is numeric: exact in the database, but Number() of its text rounds
// past 2^53 (issue 10 §5: a persons total came out 2 qəpik wrong). Totals are read through BigInt
// and refused with a coded error rather than rounded.

/** coalesce(sum(value), 0) as text, the exact decimal PostgreSQL computed. */
export function sumAsText(value: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`coalesce(sum(${value}), 0)::text`;
}

/**
 * A database total (text, number or bigint) as qəpik, exactly. Outside the safe-integer range it
 * throws CALCULATION_FAILED with reason TOTAL_TOO_LARGE, which pages and actions show as words.
 */
export function exactQepikTotal(total: unknown): number {
  const value =
    typeof total === 'string' || typeof total === 'number' || typeof total === 'bigint'
      ? total
      : null;
  const parsed = qepikFromDecimalText(value);
  if (!parsed.ok) throw new AppError('CALCULATION_FAILED', { params: { reason: parsed.code } });
  return parsed.value;
}
