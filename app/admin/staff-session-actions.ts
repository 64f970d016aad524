'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { formPost, redirectTo, staffAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { endSessions } from '@/lib/server/sessions/end-sessions';

// The staff session's own actions (issue 14 §2), as the employers' (app/sign-out-action.ts):
// the row ends on the server, so a copy of the cookie is worth nothing afterwards.

export const staffSignOutAction = formPost(
  staffAction(
    null,
    z.tuple([z.unknown()]),
    async (staff, _formData) => {
      if (staff.sessionId !== undefined) {
        await endSessions(await getDb(), { sessionId: staff.sessionId }, 'SIGN_OUT', {
          byFin: staff.fin,
        });
      }
      await signOut({ redirect: false });
      return redirectTo('/admin/login');
    },
    { name: 'staffSignOutAction' },
  ),
);

/** The idle warning's "Davam et": passing the guard marks the staff session as seen. */
export const keepStaffSessionAliveAction = staffAction(null, z.tuple([]), async () => ({
  ok: true as const,
}));
