// Who is on the other end of a request, for the per-address abuse limits and the audit log
// (issue 12 §7; OWASP ASVS 4.0.3 V14). X-Forwarded-For is a list anyone can start: only the
// entries appended by proxies we run are evidence. The operator says how many there are
// (TRUSTED_PROXIES); everything further left is the client's own claim and is ignored.

/** Proxies in front of the app at most (a sanity bound on a configuration value). */
export const MAX_TRUSTED_PROXIES = 10;

/**
 * TRUSTED_PROXIES as configured: unset or empty means none (0, the socket's peer is the
 * client); otherwise a whole number 0–10. Anything else is null: a configuration mistake.
 */
export function parseTrustedProxies(value: string | undefined): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return 0;
  if (!/^\d{1,2}$/.test(text)) return null;
  const count = Number(text);
  return count <= MAX_TRUSTED_PROXIES ? count : null;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/;

/** RFC 4291 text form: up to 8 hex groups, one '::' at most, an IPv4 tail worth two groups. */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1];
  const tail = last !== undefined && IPV4.test(last) ? 2 : 0;
  const hex = tail ? groups.slice(0, -1) : groups;
  if (!hex.every((group) => HEX_GROUP.test(group))) return false;
  const count = hex.length + tail;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * One hop as a canonical address, or null when it is not an IP address: brackets and ports
 * dropped ('[2001:db8::1]:443', '203.0.113.7:5678'), IPv6 lower-cased, an IPv4-mapped IPv6
 * address ('::ffff:203.0.113.7', what a dual-stack socket reports) written as IPv4 — so one
 * client has one key whichever way it reached us.
 */
export function normalizeAddress(hop: string): string | null {
  let text = hop.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](:\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  const mapped = /^::ffff:(\d[\d.]*)$/.exec(text);
  if (mapped?.[1]) text = mapped[1];
  if (IPV4.test(text)) return text;
  return isIpv6(text) ? text : null;
}

/** The comma-separated entries of a forwarding header, in order; empty entries dropped. */
function entries(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * The client's address: the hops are X-Forwarded-For's entries with the socket's peer appended
 * as the last one; with `trustedProxies` = N the client is the Nth hop from the right (N = 0:
 * the peer itself). A list shorter than that answers its leftmost hop (proxies that overwrite
 * the header instead of appending). Null when that hop is not an IP address or is unknown
 * (no peer address and N = 0).
 */
export function clientAddress(input: {
  peerAddress: string | null | undefined;
  forwardedFor: string | null | undefined;
  trustedProxies: number;
}): string | null {
  const hops = entries(input.forwardedFor);
  const peer = input.peerAddress?.trim();
  if (peer) hops.push(peer);
  else if (input.trustedProxies === 0) return null;
  // Without the peer the list lacks its last hop, so N counts from one further right.
  const fromRight = peer ? input.trustedProxies : input.trustedProxies - 1;
  const hop = hops[Math.max(0, hops.length - 1 - fromRight)];
  return hop === undefined ? null : normalizeAddress(hop);
}

/**
 * Whether the client reached us over HTTPS: with trusted proxies, what the outermost one says
 * in X-Forwarded-Proto (the Nth entry from the right, as for addresses); without, how the
 * socket itself was reached — a client's own X-Forwarded-Proto then proves nothing.
 */
export function isHttpsRequest(input: {
  peerScheme: string | null | undefined;
  forwardedProto: string | null | undefined;
  trustedProxies: number;
}): boolean {
  if (input.trustedProxies === 0) return input.peerScheme === 'https';
  const protos = entries(input.forwardedProto);
  if (protos.length === 0) return input.peerScheme === 'https';
  const proto = protos[Math.max(0, protos.length - input.trustedProxies)];
  return proto?.toLowerCase() === 'https';
}
