import 'server-only';
import { headers } from 'next/headers';

/** The caller's address for rate limits and the audit log (first hop of X-Forwarded-For). */
export async function requestIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || '127.0.0.1';
}
