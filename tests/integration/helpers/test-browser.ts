import { newBrowserSecret } from '@/lib/server/signing/browser-binding';

// Login and signing sessions are bound to the browser that started them (issue 12 §3). Suites
// that are not about that binding play one browser; the security suite adds others.

/** The `hesabat-signing` cookie of the one browser a suite plays. */
export const testBrowser = newBrowserSecret();

/** A second browser, which never started the session it is handed. */
export const otherBrowser = newBrowserSecret();
