import { normalizeMobile } from '@/lib/domain/identifiers';
import { getDb } from '@/lib/server/db';
import type { PhoneRequestView } from '@/lib/server/signing/signing-views';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { listPhoneRequests } from '@/lib/server/simulators/list-phone-requests';

export const dynamic = 'force-dynamic';

/**
 * The simulated phone polls its pending Asan İmza requests (simulators only): code, purpose,
 * service and deadline — never a session id, which would let anyone finish the login the holder
 * confirms (issue 12 §3).
 */
export async function GET(request: Request): Promise<Response> {
  if (!simulatorsEnabled()) return new Response(null, { status: 404 });
  const phone = normalizeMobile(new URL(request.url).searchParams.get('phone') ?? '');
  if (!phone.ok) return Response.json({ requests: [] });
  const requests = await listPhoneRequests(await getDb(), phone.value);
  const views: PhoneRequestView[] = requests.map((r) => ({
    code: r.code,
    purpose: r.purpose,
    service: r.service,
    expiresAt: r.expiresAt.toISOString(),
  }));
  return Response.json({ requests: views }, { headers: { 'Cache-Control': 'no-store' } });
}
