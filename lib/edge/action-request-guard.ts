import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';
import { isReadableMultipartReply, isReadableTextReply } from './action-body-guard';

// Run by proxy.ts before Next sees the request (issue 12 §6). Next fails these requests by
// throwing, and the browser gets a 500: a server action from another site (an Origin that is
// not this host, 'null', or not a URL at all), a body over experimental.serverActions
// .bodySizeLimit, a body React's decoder (or the form parser) cannot read, and a path that does
// not decode. They are refused here as what they are — 403, 413, 400 — in words, before any
// work is done. No 'server-only': the proxy is not a React layer. (Next strips its router
// headers before the proxy sees them, so a hand-made Next-Router-State-Tree that does not parse
// still answers Next's own 500; no browser sends one.)

/** next.config.mjs experimental.serverActions.bodySizeLimit ('21mb'), in bytes as Next counts. */
export const ACTION_BODY_LIMIT_BYTES = 21 * 1024 * 1024;

type TransportCode = keyof typeof az.transport;

function refuse(status: 400 | 403 | 413, code: TransportCode): Response {
  return new Response(`${az.transport[code]}\n${en.transport[code]}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * What Next takes for a possible server action: a Next-Action header, or a form post. An /api
 * path that no route handler takes renders the not-found page, which reads such a body too.
 */
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

// Next's multipart parser (busboy) refuses a part header holding a control character ("Malformed
// part header", a 500): a field name, or a file's name — which the user's system may allow.
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

function hasReadablePartHeaders(form: FormData): boolean {
  for (const [name, value] of form.entries()) {
    if (HEADER_CONTROL.test(name)) return false;
    if (typeof value !== 'string' && HEADER_CONTROL.test(value.name)) return false;
  }
  return true;
}

/**
 * Whether the body can be read as Next will: a multipart body must parse as a form (a form post
 * without JavaScript too); a fetch action's (Next-Action header set) must be one React's
 * decoder reads. A url-encoded fetch action is answered "not found" by Next itself.
 */
async function isReadableActionBody(request: Request): Promise<boolean> {
  const type = contentType(request);
  const isFetch = request.headers.has('next-action');
  if (/^application\/x-www-form-urlencoded/i.test(type)) return true;
  try {
    if (/^multipart\/form-data/i.test(type)) {
      const form = await request.clone().formData();
      return hasReadablePartHeaders(form) && (!isFetch || isReadableMultipartReply(form));
    }
    return !isFetch || isReadableTextReply(await request.clone().text());
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
  if (!isPossibleAction(request)) return null;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > ACTION_BODY_LIMIT_BYTES) return refuse(413, 'BODY_TOO_LARGE');
  const origin = request.headers.get('origin');
  // No Origin: not a browser's cross-site post (browsers send it on every POST); Next lets it by.
  // Route handlers (/api: Auth.js's forms, the payroll API) answer for their own requests.
  const isApi = new URL(request.url).pathname.startsWith('/api/');
  if (origin !== null && !isApi) {
    const host = originHost(origin);
    if (host === null || host !== requestHost(request)) return refuse(403, 'ORIGIN_REFUSED');
  }
  if (!(await isReadableActionBody(request))) return refuse(400, 'REQUEST_UNREADABLE');
  return null;
}
