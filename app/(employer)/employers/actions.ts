'use server';

import { z } from 'zod';
import { ZForm, ZId } from '@/lib/server/action-schemas';
import { formPost, principalAction, redirectTo, revalidateFrame } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { chooseEmployer } from '@/lib/server/employers/choose-employer';
import { isAppError } from '@/lib/server/errors';

/** SPEC A4: the guard's check, then the choice is kept on the session's row (issue 12 §2). */
export const chooseEmployerAction = formPost(
  principalAction(
    z.tuple([ZForm({ employerId: ZId })]),
    async (principal, { employerId }) => {
      try {
        await chooseEmployer(await getDb(), principal, employerId);
        revalidateFrame();
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
