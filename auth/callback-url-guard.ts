import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';

// Auth.js checks the callbackUrl of the query and of its callback-url cookie before anything
// else and, when one is not an http(s) URL, fails the request with a 500 ("Server error"). The
// same test, done first, answers a 400 in words and drops the cookie so the browser recovers.

const COOKIES = ['authjs.callback-url', '__Secure-authjs.callback-url'];

/** Auth.js's own test (isValidHttpUrl in @auth/core's assert): http or https, after the base. */
function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? base : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return rest.join('=');
    }
  }
  return null;
}

/** A 400 for a request whose callbackUrl Auth.js would fail on, or null to pass it on. */
export function refuseBadCallbackUrl(request: Request): Response | null {
  const url = new URL(request.url);
  const param = url.searchParams.get('callbackUrl');
  const header = request.headers.get('cookie') ?? '';
  const bad =
    (param !== null && param !== '' && !isHttpUrl(param, url.origin)) ||
    COOKIES.some((name) => {
      const value = cookieValue(header, name);
      return value !== null && value !== '' && !isHttpUrl(value, url.origin);
    });
  if (!bad) return null;
  const headers = new Headers({
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  for (const name of COOKIES) {
    const secure = name.startsWith('__Secure-') ? '; Secure' : '';
    headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
  }
  const text = `${az.transport.CALLBACK_URL_INVALID}\n${en.transport.CALLBACK_URL_INVALID}\n`;
  return new Response(text, { status: 400, headers });
}
