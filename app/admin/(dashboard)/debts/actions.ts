'use server';

import { z } from 'zod';
import { ZForm, ZId, ZLine, ZText } from '@/lib/server/action-schemas';
import { redirectTo, revalidate, staffAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import {
  approveWriteOff,
  imposeFine,
  rejectWriteOff,
  requestWriteOff,
} from '@/lib/server/staff/debts/post-debt-action';

// Fines and write-offs (SPEC H2, issue 14 §6). Operators (and heads, administrators) impose fines
// and ask for write-offs; the head of the local body (or an administrator) approves or rejects a
// write-off above 1 000 AZN. The use cases refuse each field at its name and re-check the body.

const text = (max: number) => ZText(max).default('');
const line = (max: number) => ZLine(max).default('');

const ZFineForm = ZForm({
  employerId: line(64),
  activityCode: line(20),
  basis: text(2_000),
  amount: line(40),
  date: line(20),
});

const ZWriteOffForm = ZForm({
  employerId: line(64),
  activityCode: line(20),
  category: line(20),
  basis: text(2_000),
  amount: line(40),
  periodFrom: line(20),
  periodTo: line(20),
});

const ZDecisionForm = ZForm({ actionId: ZId, reason: text(2_000) });

export const imposeFineAction = staffAction(
  'OPERATOR',
  // useActionState hands the previous state first; only the form is read.
  z.tuple([z.unknown(), ZFineForm]),
  async (staff, _state, form) => {
    const { actionId } = await imposeFine(await getDb(), staff, form);
    revalidate('/admin/debts');
    return redirectTo(`/admin/debts/${actionId}?done=posted`);
  },
  { name: 'imposeFineAction' },
);

export const requestWriteOffAction = staffAction(
  'OPERATOR',
  z.tuple([z.unknown(), ZWriteOffForm]),
  async (staff, _state, form) => {
    const { actionId, status } = await requestWriteOff(await getDb(), staff, form);
    revalidate('/admin/debts');
    return redirectTo(
      `/admin/debts/${actionId}?done=${status === 'PENDING' ? 'pending' : 'posted'}`,
    );
  },
  { name: 'requestWriteOffAction' },
);

export const approveWriteOffAction = staffAction(
  'HEAD',
  z.tuple([z.unknown(), ZDecisionForm]),
  async (staff, _state, form) => {
    await approveWriteOff(await getDb(), staff, { actionId: form.actionId });
    revalidate('/admin/debts');
    return redirectTo(`/admin/debts/${form.actionId}?done=approved`);
  },
  { name: 'approveWriteOffAction' },
);

export const rejectWriteOffAction = staffAction(
  'HEAD',
  z.tuple([z.unknown(), ZDecisionForm]),
  async (staff, _state, form) => {
    await rejectWriteOff(await getDb(), staff, { actionId: form.actionId, reason: form.reason });
    revalidate('/admin/debts');
    return redirectTo(`/admin/debts/${form.actionId}?done=rejected`);
  },
  { name: 'rejectWriteOffAction' },
);
