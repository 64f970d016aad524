import { clientAddress, isHttpsRequest, parseTrustedProxies } from '@/lib/domain/client-address';

// The socket's peer address is not in Next's request headers (it fills X-Forwarded-For with it
// only when the client sent none, so a client-sent one hides it). instrumentation.ts copies the
// peer into these private headers for every request, after deleting any value a client sent
// (lib/server/peer-headers.ts). Read by the rate limits (lib/server/request-ip.ts) and by the
// proxy (HSTS only over HTTPS). Issue 12 §7.

export const PEER_ADDRESS_HEADER = 'x-hesabat-peer';
export const PEER_SCHEME_HEADER = 'x-hesabat-peer-scheme';

const INSTALLED = Symbol.for('hesabat.peer-headers-installed');
type Flagged = typeof globalThis & { [INSTALLED]?: boolean };

/** Called once the peer headers are written for every request of this process. */
export function markPeerHeadersInstalled(): void {
  (globalThis as Flagged)[INSTALLED] = true;
}

/**
 * Whether this process writes the peer headers. Where it does not (a serverless host runs no
 * Node HTTP server of ours), a request's peer headers came from the client and are ignored.
 */
export function peerHeadersInstalled(): boolean {
  return (globalThis as Flagged)[INSTALLED] === true;
}

/** TRUSTED_PROXIES, or 0 when it is not a valid count (instrumentation.ts refuses to start then). */
export function trustedProxies(env: NodeJS.ProcessEnv = process.env): number {
  return parseTrustedProxies(env.TRUSTED_PROXIES) ?? 0;
}

/** The configuration mistake in TRUSTED_PROXIES, or null. */
export function trustedProxiesProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  return parseTrustedProxies(env.TRUSTED_PROXIES) === null
    ? `TRUSTED_PROXIES must be the number of proxies in front of the app (0–10), not "${env.TRUSTED_PROXIES}".`
    : null;
}

/**
 * Whether the response goes out over HTTPS (and so may carry HSTS): the configured public
 * address is https, or the request reached us so — see isHttpsRequest.
 */
export function servedOverHttps(
  input: { peerScheme: string | null | undefined; forwardedProto: string | null | undefined },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.PUBLIC_URL?.trim().toLowerCase().startsWith('https:')) return true;
  return isHttpsRequest({ ...input, trustedProxies: trustedProxies(env) });
}

/** The client's address and whether it came over HTTPS, from a request's headers. */
export function forwardedClient(
  headers: Pick<Headers, 'get'>,
  env: NodeJS.ProcessEnv = process.env,
): { address: string | null; https: boolean } {
  const installed = peerHeadersInstalled();
  const proxies = trustedProxies(env);
  return {
    address: clientAddress({
      peerAddress: installed ? headers.get(PEER_ADDRESS_HEADER) : null,
      forwardedFor: headers.get('x-forwarded-for'),
      trustedProxies: proxies,
    }),
    https: servedOverHttps(
      {
        peerScheme: installed ? headers.get(PEER_SCHEME_HEADER) : null,
        forwardedProto: headers.get('x-forwarded-proto'),
      },
      env,
    ),
  };
}
