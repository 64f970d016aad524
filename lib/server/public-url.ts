import 'server-only';
import { headers } from 'next/headers';
import { simulatorsEnabled } from './simulators/enabled';

// Absolute links (issue 10 §9): the receipt's "verify at" line is read on paper, long after the
// request, so it must name the service's public address — never the Host header a request came
// with, which a proxy or an attacker chooses. PUBLIC_URL is that address.

/** PUBLIC_URL is missing (in production) or is not an http(s) address: a deployment mistake. */
export class PublicUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublicUrlError';
  }
}

/**
 * The configured public address without a trailing slash ('https://hesabat.example.az'), or
 * null when PUBLIC_URL is unset. A value that is not a plain http(s) address throws.
 */
export function configuredPublicUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.PUBLIC_URL?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PublicUrlError(`PUBLIC_URL is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PublicUrlError(`PUBLIC_URL must be an http(s) address: "${value}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new PublicUrlError(
      `PUBLIC_URL must be a plain address, without query, fragment or credentials: "${value}"`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Whether a missing PUBLIC_URL may fall back to the request's own address: in development and
 * test, and on a demo or CI server whose national systems are simulated (`next start` runs with
 * NODE_ENV=production there). A real deployment must say where it lives.
 */
function mayUseRequestOrigin(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV !== 'production' || simulatorsEnabled(env);
}

/**
 * The absolute URL of an app path ('/verify') under PUBLIC_URL. Without PUBLIC_URL, `requestOrigin`
 * (the request's own 'http://host:port') is used where mayUseRequestOrigin allows; otherwise it
 * throws PublicUrlError, so a wrong address is never printed on a receipt.
 */
export function absoluteUrl(
  path: string,
  options: { requestOrigin?: string | null; env?: NodeJS.ProcessEnv } = {},
): string {
  const env = options.env ?? process.env;
  const suffix = `/${path.replace(/^\/+/, '')}`;
  const base = configuredPublicUrl(env);
  if (base !== null) return `${base}${suffix}`;
  if (!mayUseRequestOrigin(env)) {
    throw new PublicUrlError(
      'PUBLIC_URL is not set: absolute links (the receipt’s verify address) need it in production',
    );
  }
  return `${originOf(options.requestOrigin)}${suffix}`;
}

function originOf(requestOrigin: string | null | undefined): string {
  try {
    if (requestOrigin) return new URL(requestOrigin).origin;
  } catch {
    // A Host header that is not a host: fall through to the development default.
  }
  return 'http://localhost:3000';
}

/**
 * What is wrong with the deployment's PUBLIC_URL, or null: checked at start, so a production
 * server without its public address stops at once instead of failing at a user's receipt.
 */
export function publicUrlProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    if (configuredPublicUrl(env) !== null || mayUseRequestOrigin(env)) return null;
  } catch (error) {
    return (error as Error).message;
  }
  return 'PUBLIC_URL is not set: a production server needs its public address (e.g. https://hesabat.example.az) for the links it prints';
}

/** absoluteUrl in a route handler: the fallback origin is the handled request's. */
export function absoluteUrlFor(request: Request, path: string): string {
  return absoluteUrl(path, { requestOrigin: new URL(request.url).origin });
}

/** absoluteUrl in a server component: the fallback origin is read from the request headers. */
export async function absoluteUrlForPage(path: string): Promise<string> {
  if (configuredPublicUrl() !== null) return absoluteUrl(path);
  const h = await headers();
  const host = h.get('host');
  const protocol = h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return absoluteUrl(path, { requestOrigin: host ? `${protocol}://${host}` : null });
}
