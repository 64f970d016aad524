import { randomUUID } from 'node:crypto';
import {
  decidePendingReportAction,
  returnReportAction,
} from '@/app/admin/(dashboard)/reports/actions';
import { decideSanctionAction } from '@/app/admin/(dashboard)/sanctions/actions';
import { reports } from '@/db/schema';
import { seedEmployer } from '@/db/seed/employers';
import type { Db } from '@/db/types';
import type { StaffMatrixCase } from '../matrix-types';

// Report review (issue 14 §8–§10): reviewers, heads and administrators; operators, another
// body's staff and ended accounts get NOT_FOUND. The report named is a fresh Xəzər draft, so an
// allowed call is refused as "not accepted" / "not pending" after the scope let it through.

const REVIEWERS = ['reviewer', 'head', 'admin'] as const;

async function xezerDraft(db: Db, n: number): Promise<string> {
  const id = randomUUID();
  await db.insert(reports).values({
    id,
    employerId: seedEmployer('xezer').id,
    activityCode: '62.01',
    year: 2019 + (n % 80),
    quarter: 1 + (n % 4),
    reportType: 'CORRECTIVE',
    createdByFin: 'MATRIX',
  });
  return id;
}

export const CASES: StaffMatrixCase[] = [
  {
    action: 'returnReportAction',
    allowed: REVIEWERS,
    targetsNesimiEmployer: true,
    call: async ({ db, n }) =>
      returnReportAction({
        reportId: await xezerDraft(db.db, n),
        codes: ['MDSS_MISMATCH'],
        note: 'matrix',
      }),
  },
  {
    action: 'decidePendingReportAction',
    allowed: REVIEWERS,
    targetsNesimiEmployer: true,
    call: async ({ db, n }) =>
      decidePendingReportAction({ reportId: await xezerDraft(db.db, n), decision: 'ACCEPT' }),
  },
  {
    action: 'decideSanctionAction',
    allowed: REVIEWERS,
    targetsNesimiEmployer: true,
    // An empty reason is refused before any lookup: the scope's refusal (NOT_FOUND) is the guard's.
    call: () => decideSanctionAction({ proposalId: randomUUID(), decision: 'DISMISS', reason: '' }),
  },
];
