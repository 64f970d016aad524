import 'server-only';
import { headers } from 'next/headers';
import { currentRequestContext } from './request-context';

/**
 * The caller's address for rate limits and the audit log (first hop of X-Forwarded-For); null
 * outside a Next.js request (the integration suite, scripts), where there is no caller address.
 */
export async function requestIp(): Promise<string | null> {
  if (currentRequestContext()) return null;
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || '127.0.0.1';
}
