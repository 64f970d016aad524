import 'server-only';
import { sql } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

export type RateLimitResult =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** The abuse limits of the identity issue (§10), per fixed window. */
export const RATE_LIMITS = {
  asanPerPhone: { prefix: 'asan-phone', limit: 5, windowSeconds: 60 },
  asanPerIp: { prefix: 'asan-ip', limit: 20, windowSeconds: 60 },
  esignPerIp: { prefix: 'esign-ip', limit: 20, windowSeconds: 60 },
  loginPerIdentity: { prefix: 'login-cert', limit: 10, windowSeconds: 60 },
} as const;

/**
 * Counts one attempt against `key` in a fixed window of `windowSeconds` and says whether it is
 * allowed. One atomic upsert, so parallel requests on several app instances each get their own
 * count (no read-then-write race); PostgreSQL and PGlite alike. Issue 4 §10, ARCHITECTURE.md §2.
 */
export async function consumeRateLimit(
  db: DbOrTx,
  input: { key: string; limit: number; windowSeconds: number; now: Date },
): Promise<RateLimitResult> {
  const { key, limit, windowSeconds, now } = input;
  if (
    !Number.isSafeInteger(limit) ||
    limit < 1 ||
    !Number.isSafeInteger(windowSeconds) ||
    windowSeconds < 1
  ) {
    throw new RangeError('consumeRateLimit: limit and windowSeconds must be positive integers');
  }
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - windowSeconds * 1000).toISOString();
  // A window that started at or before the cutoff is over: this attempt opens a new one.
  const expired = sql`${rateLimits.windowStart} <= ${cutoff}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${at}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (!row) throw new Error('consumeRateLimit: the upsert returned no row');
  if (row.count <= limit) return { ok: true, remaining: limit - row.count };
  const endsAt = row.windowStart.getTime() + windowSeconds * 1000;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}
