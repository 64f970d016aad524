import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

export type CronAuthorization = 'ok' | 'disabled' | 'denied';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether a cron request may run (`Authorization: Bearer $CRON_SECRET`, as Vercel Cron sends
 * it). No CRON_SECRET configured → the routes do not exist (404), so an instance that relies on
 * its own timer exposes nothing; a wrong or missing secret → 401. Compared as digests in
 * constant time, so neither length nor content leaks through timing.
 */
export function authorizeCron(
  authorization: string | null,
  env: NodeJS.ProcessEnv = process.env,
): CronAuthorization {
  const secret = env.CRON_SECRET?.trim();
  if (!secret) return 'disabled';
  const match = /^Bearer (.+)$/.exec(authorization?.trim() ?? '');
  if (!match?.[1]) return 'denied';
  return timingSafeEqual(digest(match[1]), digest(secret)) ? 'ok' : 'denied';
}
