'use client';

import { setNonce } from 'get-nonce';

// Radix dialogs lock the page's scroll with react-remove-scroll, which injects a <style>
// element; the Content-Security-Policy (issue 12 §8) lets a <style> in only with the page's
// nonce. The nonce is read from this document's own scripts (Next.js put it on them), not from
// a prop: a refreshed layout is rendered under another request's nonce.
if (typeof document !== 'undefined') {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (nonce) setNonce(nonce);
}

/** Rendered once in the root layout so that this module runs on every page. */
export function StyleNonce(): null {
  return null;
}
