'use server';

import { z } from 'zod';
import { ZId, ZText } from '@/lib/server/action-schemas';
import { revalidate, staffAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { decideSanctionProposal } from '@/lib/server/staff/reports/sanctions';

/** A reviewer imposes or dismisses a late-filing sanction proposal, with a reason (§10). */
export const decideSanctionAction = staffAction(
  'REVIEWER',
  z.tuple([
    z.object({ proposalId: ZId, decision: z.enum(['IMPOSE', 'DISMISS']), reason: ZText(1000) }),
  ]),
  async (staff, input) => {
    const done = await decideSanctionProposal(await getDb(), staff, input);
    revalidate('/admin/sanctions');
    return { ok: true as const, decision: done.decision };
  },
  { name: 'decideSanction' },
);
