import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Login and signing sessions are bound to the browser that started them (issue 12 §3): a random
// secret in an httpOnly cookie (browser-secret.ts), whose SHA-256 the session row keeps. Knowing
// a session id (the phone's listing once showed them) is then not enough to poll, finish or
// cancel it.

/** 32 random bytes, base64url: exactly 43 characters. */
const SECRET_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function newBrowserSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a cookie value can be a secret newBrowserSecret made. */
export function isBrowserSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_FORMAT.test(value);
}

/** What the session row keeps of the secret (hex SHA-256). */
export function browserHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Whether `secret` is the one whose hash a session keeps, compared in constant time. A session
 * without a hash (made before the binding) or a caller without a secret never matches.
 */
export function isSameBrowser(storedHash: string | null, secret: string | null): boolean {
  if (!storedHash || !isBrowserSecret(secret)) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(secret).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
