import 'server-only';
import type { DbOrTx } from '@/db/types';
import { consumeRateLimit, type RateLimitResult } from '@/lib/server/rate-limit';

/** /verify is public: checks per IP address and minute, shared by receipt and file checks. */
export const VERIFY_PER_IP = { prefix: 'verify-ip', limit: 30, windowSeconds: 60 } as const;

/**
 * Counts one check from `ip` (issue 6 §6); kept in PostgreSQL like every abuse limit. Checks made
 * outside a request (no address) share one window, so they are limited too.
 */
export function consumeVerifyLimit(
  db: DbOrTx,
  ip: string | null,
  now: Date,
): Promise<RateLimitResult> {
  const { prefix, limit, windowSeconds } = VERIFY_PER_IP;
  return consumeRateLimit(db, {
    key: `${prefix}:${ip ?? 'no-address'}`,
    limit,
    windowSeconds,
    now,
  });
}
