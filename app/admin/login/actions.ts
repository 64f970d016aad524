'use server';

import { z } from 'zod';
import { finishLogin } from '@/auth/finish-login';
import { ZId, ZLine } from '@/lib/server/action-schemas';
import { publicAction } from '@/lib/server/actions';

// The staff dashboard's sign-in (issue 14 §1): the same signing as the employers' login (the
// start, card answer and cancel actions are those of /login); only the finish differs — it
// opens a STAFF session, for a live staff member only, and goes on to /admin.

export const finishStaffEsignLoginAction = publicAction(
  z.tuple([z.object({ sessionId: ZId, jws: ZLine(100_000) })]),
  async ({ locale }, input) => finishLogin('staff-esign', input, locale, '/admin'),
);

export const finishStaffAsanLoginAction = publicAction(
  z.tuple([z.object({ sessionId: ZId })]),
  async ({ locale }, input) => finishLogin('staff-asan', input, locale, '/admin'),
);
