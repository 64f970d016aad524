// Sends the fuzz's requests with a fixed concurrency and judges each answer: never a 500, never
// raw error text (a stack trace, an exception's name, a library's or PostgreSQL's own words).

export type FuzzRequest = {
  label: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  signedIn: boolean;
};

export type FuzzFailure = {
  label: string;
  url: string;
  status: number;
  why: string;
  excerpt: string;
};

export type FuzzFigures = {
  requests: number;
  seconds: number;
  perSecond: number;
  statuses: Record<string, number>;
  /** The same, of the requests sent with the signed-in session's cookie. */
  signedInStatuses: Record<string, number>;
  /** Where the signed-in requests were redirected to (a path, its query dropped). */
  signedInRedirects: Record<string, number>;
  fiveHundreds: number;
  rawText: number;
  failures: FuzzFailure[];
};

/** Text that only an unhandled error puts in an answer. */
export const RAW_ERROR_TEXT: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>]+ \((?:file:|node:|\/)[^)]*:\d+:\d+\)/, // a stack frame
  /\b(?:Type|Range|Syntax|Reference|URI|Postgres|Zod|Drizzle|DrizzleQuery|Api)Error\b/,
  /\bERR_[A-Z][A-Z_]{3,}/,
  /\bCSV_[A-Z][A-Z_]+/,
  /invalid input syntax|invalid byte sequence|violates [a-z ]*constraint|Failed query|unnamed portal/i,
  /Invalid Server Actions request|Body exceeded \d+/,
  /node_modules\//,
];

function rawErrorText(body: string): string | null {
  for (const pattern of RAW_ERROR_TEXT) {
    const found = pattern.exec(body);
    if (found) return found[0];
  }
  return null;
}

function excerptAround(body: string, needle: string | null): string {
  const at = needle ? Math.max(0, body.indexOf(needle) - 80) : 0;
  return body.slice(at, at + 240).replace(/\s+/g, ' ');
}

async function send(
  request: FuzzRequest,
  cookie: string,
): Promise<{ status: number; body: string; location: string | null }> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'cookie') continue;
    // FormData sets its own multipart boundary.
    if (name === 'content-type' && request.body instanceof FormData) continue;
    try {
      headers.set(name, value);
    } catch {
      // A value fetch itself refuses to send is no request at all.
    }
  }
  const cookies = [request.headers.cookie, request.signedIn ? cookie : undefined].filter(Boolean);
  if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    const location = response.headers.get('location');
    return { status: response.status, body: await response.text(), location };
  } catch (error) {
    return { status: 0, body: String(error), location: null };
  }
}

export async function runRequests(
  requests: readonly FuzzRequest[],
  options: { cookie: string; concurrency: number },
): Promise<FuzzFigures> {
  const statuses: Record<string, number> = {};
  const signedInStatuses: Record<string, number> = {};
  const signedInRedirects: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let fiveHundreds = 0;
  let rawText = 0;
  let next = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < requests.length) {
      const request = requests[next++]!;
      const { status, body, location } = await send(request, options.cookie);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (request.signedIn) signedInStatuses[status] = (signedInStatuses[status] ?? 0) + 1;
      if (request.signedIn && location) {
        const path = new URL(location, request.url).pathname.split('/').slice(0, 3).join('/');
        signedInRedirects[path] = (signedInRedirects[path] ?? 0) + 1;
      }
      const raw = rawErrorText(body);
      let why: string | null = null;
      if (status >= 500) {
        fiveHundreds += 1;
        why = `status ${status}`;
      } else if (status === 0) why = `no answer: ${body.slice(0, 120)}`;
      if (raw) {
        rawText += 1;
        why = `${why ? `${why}; ` : ''}raw error text "${raw}"`;
      }
      if (why) {
        failures.push({
          label: request.label,
          url: request.url.slice(0, 300),
          status,
          why,
          excerpt: excerptAround(body, raw),
        });
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: requests.length,
    seconds,
    perSecond: requests.length / seconds,
    statuses,
    signedInStatuses,
    signedInRedirects,
    fiveHundreds,
    rawText,
    failures,
  };
}
