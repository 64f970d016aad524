// When a signed-in session ends (issue 12 §1; OWASP ASVS 4.0.3 V3.3, NIST SP 800-63B §7.2).
// The server keeps every session as a row and decides here, on each request, whether it is
// still alive. The caller passes `asOf`; nothing here reads a clock.

/** Idle timeout: a session nobody used for this long is over (the idle warning counts it too). */
export const SESSION_IDLE_SECONDS = 30 * 60;

export const SESSION_KINDS = ['EMPLOYER', 'STAFF'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * Idle timeout per kind: the fund staff dashboard's sessions idle out after 15 minutes (issue 14
 * §2) — staff act for every employer of a local body, so an unattended desk is worth less time.
 */
export const SESSION_IDLE_SECONDS_BY_KIND: Readonly<Record<SessionKind, number>> = {
  EMPLOYER: SESSION_IDLE_SECONDS,
  STAFF: 15 * 60,
};

/** Absolute lifetime from sign-in, however busy the session: 8 hours for both kinds. */
export const SESSION_ABSOLUTE_SECONDS: Readonly<Record<SessionKind, number>> = {
  EMPLOYER: 8 * 60 * 60,
  STAFF: 8 * 60 * 60,
};

/** A live session's last-seen time is written at most this often (one write a minute, not per request). */
export const SESSION_TOUCH_SECONDS = 60;

export const SESSION_END_REASONS = [
  'SIGN_OUT',
  'SIGN_OUT_EVERYWHERE',
  'IDLE',
  'EXPIRED',
  'AUTHORITY_REVOKED',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionTimes {
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly endedAt: Date | null;
}

export type SessionState =
  | { readonly live: true; readonly touch: boolean }
  | { readonly live: false; readonly end: 'ENDED' | 'IDLE' | 'EXPIRED' };

/** The moment a session started at `startedAt` must end, whatever happens in between. */
export function sessionExpiresAt(kind: SessionKind, startedAt: Date): Date {
  return new Date(startedAt.getTime() + SESSION_ABSOLUTE_SECONDS[kind] * 1000);
}

/**
 * Whether a session may serve a request at `asOf`: not ended, not past its absolute end, not
 * idle for more than the idle timeout. A live one says whether its last-seen time is due a
 * write (so a busy session costs one UPDATE a minute).
 */
export function sessionStateAt(
  session: SessionTimes,
  asOf: Date,
  kind: SessionKind = 'EMPLOYER',
): SessionState {
  if (session.endedAt !== null) return { live: false, end: 'ENDED' };
  if (asOf.getTime() >= session.expiresAt.getTime()) return { live: false, end: 'EXPIRED' };
  const idleMs = asOf.getTime() - session.lastSeenAt.getTime();
  if (idleMs > SESSION_IDLE_SECONDS_BY_KIND[kind] * 1000) return { live: false, end: 'IDLE' };
  return { live: true, touch: idleMs >= SESSION_TOUCH_SECONDS * 1000 };
}
