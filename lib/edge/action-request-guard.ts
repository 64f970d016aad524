import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';

// Run by proxy.ts before Next sees a server action (issue 12 §6). Next refuses a cross-site
// action (an Origin that is not this host, 'null', or not a URL at all) and a body over
// experimental.serverActions.bodySizeLimit by throwing — the browser gets a 500. The same
// refusals are answered here as what they are: 403 and 413, in words, before any work is done.
// No 'server-only' import: the proxy bundle is not a React server layer.

/** next.config.mjs experimental.serverActions.bodySizeLimit ('21mb'), in bytes as Next counts. */
export const ACTION_BODY_LIMIT_BYTES = 21 * 1024 * 1024;

type TransportCode = keyof typeof az.transport;

function refuse(status: 403 | 413, code: TransportCode): Response {
  return new Response(`${az.transport[code]}\n${en.transport[code]}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** What Next takes for a possible server action: a Next-Action header, or a form post. */
function isPossibleAction(request: Request): boolean {
  if (request.method !== 'POST') return false;
  if (request.headers.has('next-action')) return true;
  const type = request.headers.get('content-type') ?? '';
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
}

/** The host Next compares the Origin with: the first X-Forwarded-Host, else Host. */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('host');
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/** A refusal for a server action request Next would fail on, or null to let it through. */
export function refuseBadActionRequest(request: Request): Response | null {
  if (!isPossibleAction(request)) return null;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > ACTION_BODY_LIMIT_BYTES) return refuse(413, 'BODY_TOO_LARGE');
  const origin = request.headers.get('origin');
  // No Origin: not a browser's cross-site post (browsers send it on every POST); Next lets it by.
  if (origin === null) return null;
  const host = originHost(origin);
  if (host === null || host !== requestHost(request)) return refuse(403, 'ORIGIN_REFUSED');
  return null;
}
