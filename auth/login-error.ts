import { AuthError, CredentialsSignin } from 'next-auth';
import type { SigningCode } from '@/lib/server/signing/errors';

/** Carries the signing outcome code (WRONG_PIN, TIMEOUT…) from authorize() to the login page. */
export class LoginRefused extends CredentialsSignin {
  constructor(code: SigningCode) {
    super();
    this.code = code;
  }
}

/**
 * The code of a sign-in Auth.js refused — LoginRefused's signing code, another Auth.js error's
 * own code, else BAD_SIGNATURE — or null for anything else (a redirect, a bug), which the
 * caller lets through. signingMessage puts the code into words (an unknown one as NOT_FOUND).
 */
export function loginRefusalCode(error: unknown): string | null {
  if (!(error instanceof AuthError)) return null;
  return (error as AuthError & { code?: string }).code ?? 'BAD_SIGNATURE';
}
