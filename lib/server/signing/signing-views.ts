import 'server-only';
import type { ActionRefusal, ActionResult } from '../actions';
import type { StartedSession } from './sessions';

// What the signing actions and the status route answer the browser (login, the phone, the
// sending dialog): instants as ISO strings, every text already in the user's language. The
// components import these types; they declare none of their own.

/** A started session as the browser shows it: the code to compare and the deadline (ISO). */
export type StartedSigningView = { sessionId: string; verificationCode: string; expiresAt: string };

export function startedSigningView(started: StartedSession): StartedSigningView {
  return {
    sessionId: started.sessionId,
    verificationCode: started.verificationCode,
    expiresAt: started.expiresAt.toISOString(),
  };
}

/** "DAXİL OL" with a card or Asan İmza: the session to wait on, or why not (field: the input). */
export type StartLoginResult = ActionResult<StartedSigningView>;

/** The simulated card's answer: the signature, or why not; `final` when the session is over. */
export type CardAnswerResult = { ok: true; jws: string } | (ActionRefusal & { final?: boolean });

/** A sign-in answers only when refused: on success it redirects. */
export type FinishLoginResult = ActionRefusal;

/** "İmtina" on the login page's waiting screen. */
export type CancelLoginResult = ActionResult;

/** The simulated phone's Confirm or Cancel. */
export type PhoneAnswerResult = ActionResult;

/**
 * GET /api/simulator/phone-requests: what the phone shows of one pending request. No session id
 * (issue 12 §3): the phone answers by its number and this code.
 */
export type PhoneRequestView = {
  code: string;
  purpose: 'LOGIN' | 'SIGN';
  service: string;
  expiresAt: string;
};

/** GET /api/signing-sessions/{id}: the status the waiting pages poll, in words once it ended. */
export type SigningStatusAnswer = { status: string; message?: string; expiresAt?: string };
