import 'server-only';
import type { DbOrTx } from '@/db/types';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit';
import type { SigningFailure } from './errors';

type LimitName = keyof typeof RATE_LIMITS;

/**
 * Counts one attempt against each named limit (issue 4 §10); the first exhausted one answers
 * RATE_LIMITED with the seconds to wait. Every limit is counted, so a flood is seen by all.
 */
export async function checkLimits(
  db: DbOrTx,
  at: Date,
  subjects: ReadonlyArray<readonly [LimitName, string | null | undefined]>,
): Promise<SigningFailure | null> {
  let refusal: SigningFailure | null = null;
  for (const [name, subject] of subjects) {
    if (!subject) continue;
    const { prefix, limit, windowSeconds } = RATE_LIMITS[name];
    const result = await consumeRateLimit(db, {
      key: `${prefix}:${subject}`,
      limit,
      windowSeconds,
      now: at,
    });
    if (!result.ok && !refusal) {
      refusal = { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: result.retryAfterSeconds };
    }
  }
  return refusal;
}
