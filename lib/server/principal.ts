import 'server-only';

/**
 * The signed-in person of a session (SPEC A2–A4): who, with which certificate and method, and
 * the employer chosen for this session (null until chosen). auth/principal.ts reads it from the
 * session's row (user_sessions, issue 12 §1); lib/server/access.ts decides what it may do.
 */
export type Principal = {
  fin: string;
  surname: string;
  name: string;
  patronymic: string;
  certificateSerial: string;
  method: 'ESIGN' | 'ASAN';
  employerId: string | null;
  /** The server-side session it came from; absent when a test or script gives a principal directly. */
  sessionId?: string;
};

/** Who a login proved (SPEC A1–A3): the Principal before any employer is chosen. */
export type SignedInPerson = Omit<Principal, 'employerId' | 'sessionId'>;
