import 'server-only';
import { redirectTo, type RedirectTo } from '@/lib/server/actions';
import type { Locale } from '@/lib/i18n/locales';
import { signingMessage } from '@/lib/server/signing/errors';
import type { FinishLoginResult } from '@/lib/server/signing/signing-views';
import { signIn } from './index';
import { loginRefusalCode } from './login-error';

/**
 * Auth.js checks the signed challenge (auth/providers.ts) and sets the session cookie; then the
 * browser goes on to `then` (the employer choice, or the staff dashboard). Only its refusals are
 * answered here; anything else it throws goes on to the action client. Both login pages.
 */
export async function finishLogin(
  provider: 'esign' | 'asan' | 'staff-esign' | 'staff-asan',
  credentials: Record<string, string>,
  locale: Locale,
  then = '/employers',
): Promise<FinishLoginResult | RedirectTo> {
  try {
    await signIn(provider, { ...credentials, redirect: false });
  } catch (error) {
    const code = loginRefusalCode(error);
    if (code === null) throw error;
    return { ok: false, message: signingMessage(code, {}, locale) };
  }
  return redirectTo(then);
}
