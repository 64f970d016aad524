import {
  approveWriteOffAction,
  imposeFineAction,
  rejectWriteOffAction,
  requestWriteOffAction,
} from '@/app/admin/(dashboard)/debts/actions';
import { seedEmployer } from '@/db/seed/employers';
import { requestWriteOff } from '@/lib/server/staff/debts/post-debt-action';
import { STAFF_KEYS, staffScopeOf } from '../../helpers/staff-fixtures';
import type { MatrixContext, StaffMatrixCase } from '../matrix-types';

// Fines and write-offs (issue 14 §6): operators (and heads, administrators) post; only the head
// of the body or an administrator decides a write-off above 1 000 AZN, one the operator asked for.

const XEZER = seedEmployer('xezer').id;
const KUR = seedEmployer('kur').id;
const POSTERS = ['operator', 'head', 'admin'] as const;
const DECIDERS = ['head', 'admin'] as const;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** A fresh pending write-off of Kür, asked for by the Nəsimi operator. */
async function pendingRequest({ db }: MatrixContext): Promise<string> {
  const operator = await staffScopeOf(db.db, STAFF_KEYS.operator);
  const { actionId } = await requestWriteOff(db.db, operator, {
    employerId: KUR,
    activityCode: '41.20',
    category: 'MDSS',
    basis: 'Matrix',
    amount: '1 000,01',
    periodFrom: '2024-12',
    periodTo: '2024-12',
  });
  return actionId;
}

export const CASES: StaffMatrixCase[] = [
  {
    action: 'imposeFineAction',
    allowed: POSTERS,
    targetsNesimiEmployer: true,
    call: () =>
      imposeFineAction(
        null,
        form({
          employerId: XEZER,
          activityCode: '62.01',
          basis: 'Matrix',
          amount: '1,00',
          date: '2025-09-01',
        }),
      ),
  },
  {
    action: 'requestWriteOffAction',
    allowed: POSTERS,
    targetsNesimiEmployer: true,
    call: () =>
      requestWriteOffAction(
        null,
        form({
          employerId: KUR,
          activityCode: '41.20',
          category: 'MDSS',
          basis: 'Matrix',
          amount: '0,01',
          periodFrom: '2024-12',
          periodTo: '2024-12',
        }),
      ),
  },
  {
    action: 'approveWriteOffAction',
    allowed: DECIDERS,
    targetsNesimiEmployer: true,
    call: async (ctx) => approveWriteOffAction(null, form({ actionId: await pendingRequest(ctx) })),
  },
  {
    action: 'rejectWriteOffAction',
    allowed: DECIDERS,
    targetsNesimiEmployer: true,
    call: async (ctx) =>
      rejectWriteOffAction(null, form({ actionId: await pendingRequest(ctx), reason: 'Matrix' })),
  },
];
