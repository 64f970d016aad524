'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { formPost, principalAction, redirectTo } from '@/lib/server/actions';

/** The header's and the idle warning's "Çıxış" button (a form post; its FormData is unused). */
export const signOutAction = formPost(
  principalAction(
    z.tuple([z.unknown()]),
    async (_principal, _formData) => {
      // Auth.js clears the session cookie; the client redirects after its try.
      await signOut({ redirect: false });
      return redirectTo('/');
    },
    { name: 'signOutAction' },
  ),
);
