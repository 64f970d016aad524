import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '@/lib/i18n/locales';
import type { Principal } from './principal';

/**
 * Who is asking and in which language, for code that runs outside a Next.js request: the
 * integration suite calls server actions through the same action client with a principal it
 * signed in with the real identity use cases, and scripts run as nobody. Inside a request the
 * session (Auth.js) and the locale cookie answer instead; this never overrides them there.
 */
export type RequestContext = {
  principal: Principal | null;
  /**
   * Or the id of a server-side session (user_sessions), resolved on each call exactly as a
   * session cookie's is: the principal is then the session's, and null once it has ended.
   */
  sessionId?: string;
  locale: Locale;
  /**
   * The test browser's `hesabat-signing` cookie (signing sessions are bound to the browser that
   * started them, issue 12 §3). Mutable, like a cookie jar: a start with none sets one here.
   */
  browserSecret?: string;
};

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` as `context` (tests and scripts only; a Next.js request has its own). */
export function runWithRequestContext<T>(
  context: RequestContext,
  fn: () => Promise<T>,
): Promise<T> {
  return storage.run(context, fn);
}

/** The context set by runWithRequestContext, or undefined inside a real request. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
