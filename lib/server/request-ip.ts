import 'server-only';
import { headers } from 'next/headers';
import { forwardedClient } from '@/lib/edge/forwarded-client';
import { currentRequestContext } from './request-context';

/** The key of every caller whose address is unknown: they share one window, so are limited too. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The caller's address for rate limits and the audit log: the socket's peer, or with
 * TRUSTED_PROXIES = N the address the outermost of our N proxies saw (issue 12 §7; never what
 * the client itself wrote into X-Forwarded-For). Null outside a Next.js request (the
 * integration suite, scripts), where there is no caller address.
 */
export async function requestIp(): Promise<string | null> {
  if (currentRequestContext()) return null;
  return forwardedClient(await headers()).address ?? UNKNOWN_ADDRESS;
}
