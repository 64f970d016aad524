'use server';

import { z } from 'zod';
import { unstable_update } from '@/auth';
import { ZForm, ZId } from '@/lib/server/action-schemas';
import { formPost, principalAction, redirectTo } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { chooseEmployer } from '@/lib/server/employers/choose-employer';
import { isAppError } from '@/lib/server/errors';

/** SPEC A4: keep the chosen employer in the session (after the guard's check). */
export const chooseEmployerAction = formPost(
  principalAction(
    z.tuple([ZForm({ employerId: ZId })]),
    async (principal, { employerId }) => {
      try {
        const chosen = await chooseEmployer(await getDb(), principal, employerId);
        await unstable_update({ employerId: chosen } as never);
      } catch (error) {
        // chooseEmployer audits its refusal itself (EMPLOYER_CHOSEN); the person stays on the list.
        if (isAppError(error)) return redirectTo('/employers?error=1');
        throw error;
      }
      return redirectTo('/home');
    },
    { name: 'chooseEmployerAction' },
  ),
);
