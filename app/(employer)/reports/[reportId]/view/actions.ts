'use server';

import { z } from 'zod';
import { ZForm, ZId } from '@/lib/server/action-schemas';
import { employerAction, redirectTo, revalidate } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { retryAutomaticChecks } from '@/lib/server/submissions/retry-checks';

/** "Yoxlamanı təkrarla": decides a report that was received but whose checks never finished. */
export const retryChecksAction = employerAction(
  'REPORTS',
  z.tuple([ZForm({ reportId: ZId })]),
  async (scope, { reportId }) => {
    await retryAutomaticChecks(await getDb(), scope, { reportId });
    revalidate(`/reports/${reportId}/view`);
    return redirectTo(`/reports/${reportId}/view`);
  },
  { name: 'retryChecks' },
);
