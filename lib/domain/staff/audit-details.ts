// What an audit row's details show a staff member (issue 14 §12): readable JSON, with nothing
// that works as a credential. Audit details carry ids of sessions and certificates, never a
// token or a PIN; a key that names a secret is masked anyway, so a future writer's mistake does
// not reach the screen or the CSV. A session id is shortened: it names the session, enough to
// follow a trail, and is no use as a cookie.

const SECRET_KEY = /(token|secret|password|passwd|pin\d?$|^pin|jws|signature|cookie|otp|apikey)/i;
const SHORTENED_KEY = /^(sessionId|signingSessionId)$/;
const MASK = '••••••';

function clean(value: unknown, key: string | null, depth: number): unknown {
  if (key !== null && SECRET_KEY.test(key) && !/Id$/.test(key)) return MASK;
  if (key !== null && SHORTENED_KEY.test(key) && typeof value === 'string') {
    return value.length > 8 ? `${value.slice(0, 8)}…` : value;
  }
  if (depth > 6) return '…';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => clean(v, null, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, clean(v, k, depth + 1)]),
    );
  }
  if (typeof value === 'string') return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
  return value;
}

/** The details without secrets, as an object (the CSV writes it compact). */
export function redactAuditDetails(details: unknown): unknown {
  return clean(details, null, 0);
}

/** The details pretty-printed for the screen ('' for none). */
export function prettyAuditDetails(details: unknown): string {
  const cleaned = redactAuditDetails(details);
  if (
    cleaned === null ||
    cleaned === undefined ||
    (typeof cleaned === 'object' && Object.keys(cleaned).length === 0)
  ) {
    return '';
  }
  return JSON.stringify(cleaned, null, 2);
}
