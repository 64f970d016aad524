import { normalizeMobile } from '@/lib/domain/identifiers';
import { getDb } from '@/lib/server/db';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { listPhoneRequests } from '@/lib/server/simulators/list-phone-requests';

export const dynamic = 'force-dynamic';

/** The simulated phone polls its pending Asan İmza requests (simulators only). */
export async function GET(request: Request): Promise<Response> {
  if (!simulatorsEnabled()) return new Response(null, { status: 404 });
  const phone = normalizeMobile(new URL(request.url).searchParams.get('phone') ?? '');
  if (!phone.ok) return Response.json({ requests: [] });
  const requests = await listPhoneRequests(await getDb(), phone.value);
  return Response.json(
    { requests: requests.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() })) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
