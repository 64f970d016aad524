import { redirect } from 'next/navigation';
import { asanProvider, esignProvider } from '@/auth/providers';

// Auth.js's signIn/signOut/update read and write the request's cookies, so outside a Next.js
// request they cannot run. The action tests replace '@/auth' with this double, which does what
// Auth.js does around the part that is ours: signIn runs the provider's real authorize() on the
// test database and throws its refusal (an AuthError) as Auth.js does; success redirects or,
// with `redirect: false`, answers the URL. A bug in authorize() is rethrown as it is (Auth.js
// would wrap it), so the fuzz test sees it. The e2e suite signs in through the real Auth.js.

type Credentials = Record<string, unknown> & { redirect?: boolean; redirectTo?: string };

const PROVIDERS = { esign: esignProvider, asan: asanProvider } as const;

type Authorize = (credentials: Record<string, unknown>, request: Request) => Promise<unknown>;

export const signInCalls: { provider: string; ok: boolean }[] = [];

export async function signIn(provider: 'esign' | 'asan', options: Credentials = {}) {
  const { redirect: shouldRedirect = true, redirectTo = '/', ...credentials } = options;
  const authorize = (PROVIDERS[provider] as unknown as { options: { authorize: Authorize } })
    .options.authorize;
  try {
    await authorize(credentials, new Request('http://localhost/api/auth/callback'));
  } catch (error) {
    signInCalls.push({ provider, ok: false });
    throw error;
  }
  signInCalls.push({ provider, ok: true });
  if (shouldRedirect) redirect(redirectTo);
  return redirectTo;
}

export async function signOut(options: { redirect?: boolean; redirectTo?: string } = {}) {
  if (options.redirect ?? true) redirect(options.redirectTo ?? '/');
  return { redirect: options.redirectTo ?? '/' };
}

export async function unstable_update(): Promise<null> {
  return null;
}

export async function auth(): Promise<null> {
  return null;
}
