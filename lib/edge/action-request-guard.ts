import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';
import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';
import { isReadableMultipartReply, isReadableTextReply } from './action-body-guard';

// Run by proxy.ts before Next sees the request (issue 12 §6). Next fails these requests by
// throwing, and the browser gets a 500: a server action from another site (an Origin that is
// not this host, 'null', or not a URL at all), a body over experimental.serverActions
// .bodySizeLimit, a body React's decoder cannot read, and a router-state header (sent with
// client navigations) that does not parse. They are refused here as what they are — 403, 413,
// 400 — in words, before any work is done. No 'server-only': the proxy is not a React layer.

/** next.config.mjs experimental.serverActions.bodySizeLimit ('21mb'), in bytes as Next counts. */
export const ACTION_BODY_LIMIT_BYTES = 21 * 1024 * 1024;

type TransportCode = keyof typeof az.transport;

function refuse(status: 400 | 403 | 413, code: TransportCode): Response {
  return new Response(`${az.transport[code]}\n${en.transport[code]}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** What Next takes for a possible server action: a Next-Action header, or a form post. */
function isPossibleAction(request: Request): boolean {
  if (request.method !== 'POST') return false;
  if (request.headers.has('next-action')) return true;
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType(request));
}

function contentType(request: Request): string {
  return request.headers.get('content-type') ?? '';
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

function isReadableRouterState(header: string | null): boolean {
  if (header === null) return true;
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

/** Whether React's decoder can read a fetch action's body (Next-Action header set). */
async function isReadableActionBody(request: Request): Promise<boolean> {
  const type = contentType(request);
  // A url-encoded fetch action is answered "not found" by Next itself.
  if (/^application\/x-www-form-urlencoded/i.test(type)) return true;
  try {
    if (/^multipart\/form-data/i.test(type))
      return isReadableMultipartReply(await request.clone().formData());
    return isReadableTextReply(await request.clone().text());
  } catch {
    return false; // a multipart body that does not parse
  }
}

/** A path Next cannot decode into its params ('/reports/%/x'): it throws on it. */
function isDecodablePath(request: Request): boolean {
  try {
    decodeURIComponent(new URL(request.url).pathname);
    return true;
  } catch {
    return false;
  }
}

/** A refusal for a request Next would fail on with a 500, or null to let it through. */
export async function refuseBadRequest(request: Request): Promise<Response | null> {
  if (!isDecodablePath(request)) return refuse(400, 'REQUEST_UNREADABLE');
  if (!isReadableRouterState(request.headers.get('next-router-state-tree')))
    return refuse(400, 'REQUEST_UNREADABLE');
  if (!isPossibleAction(request)) return null;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > ACTION_BODY_LIMIT_BYTES) return refuse(413, 'BODY_TOO_LARGE');
  const origin = request.headers.get('origin');
  // No Origin: not a browser's cross-site post (browsers send it on every POST); Next lets it by.
  if (origin !== null) {
    const host = originHost(origin);
    if (host === null || host !== requestHost(request)) return refuse(403, 'ORIGIN_REFUSED');
  }
  if (request.headers.has('next-action') && !(await isReadableActionBody(request)))
    return refuse(400, 'REQUEST_UNREADABLE');
  return null;
}
