// The session cookie is an Auth.js JWT whose one claim of ours is `sid`, the id of the
// user_sessions row (issue 12 §1). Everything else a session means is in that row.

// lib/server/uuid's shape, here because the proxy loads this file (no server-only there).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session id a decoded token carries, or null. */
export function sessionIdOfToken(token: unknown): string | null {
  if (typeof token !== 'object' || token === null) return null;
  const sid = (token as { sid?: unknown }).sid;
  return typeof sid === 'string' && UUID.test(sid) ? sid : null;
}

/**
 * The session id in what server-side auth() answers: next-auth hands the decoded token over as
 * `user` when the session callback leaves `user` out, which auth/config.ts does so the browser's
 * /api/auth/session never shows it.
 */
export function sessionIdOf(session: unknown): string | null {
  if (typeof session !== 'object' || session === null) return null;
  return sessionIdOfToken((session as { user?: unknown }).user);
}
