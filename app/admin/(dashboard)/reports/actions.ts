'use server';

import { z } from 'zod';
import { ZId, ZLine, ZText } from '@/lib/server/action-schemas';
import { revalidate, staffAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { decideReportByHand } from '@/lib/server/staff/reports/decide-by-hand';
import { returnAcceptedReport } from '@/lib/server/staff/reports/return-report';

const ZCodes = z.array(ZLine(40)).max(20);

/** A reviewer returns an accepted report with coded reasons and a text (issue 14 §9). */
export const returnReportAction = staffAction(
  'REVIEWER',
  z.tuple([z.object({ reportId: ZId, codes: ZCodes, note: ZText(2000) })]),
  async (staff, { reportId, codes, note }) => {
    const done = await returnAcceptedReport(await getDb(), staff, { reportId, codes, note });
    revalidate(`/admin/reports/${reportId}`, '/admin/reports');
    return { ok: true as const, ledgerRows: done.ledgerRows, personRows: done.personRows };
  },
  { name: 'returnReport' },
);

/** A reviewer decides a report left Received: accept (the automatic decision) or return. */
export const decidePendingReportAction = staffAction(
  'REVIEWER',
  z.tuple([
    z.object({
      reportId: ZId,
      decision: z.enum(['ACCEPT', 'RETURN']),
      codes: ZCodes.optional(),
      note: ZText(2000).optional(),
    }),
  ]),
  async (staff, input) => {
    const done = await decideReportByHand(await getDb(), staff, input);
    revalidate(`/admin/reports/${input.reportId}`, '/admin/reports');
    return { ok: true as const, status: done.status };
  },
  { name: 'decidePendingReport' },
);
