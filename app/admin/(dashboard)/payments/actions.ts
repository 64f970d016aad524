'use server';

import { z } from 'zod';
import { ZFile, ZForm, ZId, ZLine, ZText } from '@/lib/server/action-schemas';
import { formPost, redirectTo, revalidate, staffAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { assignStatementLine } from '@/lib/server/staff/payments/assign-line';
import { confirmImport } from '@/lib/server/staff/payments/confirm-import';
import { importStatement } from '@/lib/server/staff/payments/import-statement';
import { recordPayment } from '@/lib/server/staff/payments/record-payment';
import { reversePayment } from '@/lib/server/staff/payments/reverse-payment';
import { AppError } from '@/lib/server/errors';

// The payments section of the staff dashboard (issue 14 §5): every action is an operator's
// (HEAD and ADMIN cover it); the use cases re-check every id against the staff member's body.

const ZPaymentFields = {
  employerId: ZLine(40),
  activityCode: ZLine(10),
  economicClassCode: ZLine(10),
};

export const recordPaymentAction = staffAction(
  'OPERATOR',
  z.tuple([
    z.unknown(),
    ZForm({
      ...ZPaymentFields,
      paymentDate: ZLine(20),
      amount: ZLine(40),
      bankReference: ZLine(60),
    }),
  ]),
  async (staff, _state, form) => {
    const { paymentId } = await recordPayment(await getDb(), staff, form);
    revalidate('/admin/payments');
    return redirectTo(`/admin/payments?recorded=${paymentId}`);
  },
  { name: 'recordPaymentAction' },
);

export const importStatementAction = staffAction(
  'OPERATOR',
  z.tuple([z.unknown(), ZForm({ file: z.union([ZFile, z.string()]).optional() })]),
  async (staff, _state, form) => {
    const file = form.file;
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
      throw new AppError('STATEMENT_FILE_REQUIRED', { field: 'file' });
    }
    const summary = await importStatement(await getDb(), staff, {
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    revalidate('/admin/payments');
    return redirectTo(`/admin/payments/import/${summary.importId}`);
  },
  { name: 'importStatementAction' },
);

/** A plain form post (the preview's button works without JavaScript). */
export const confirmImportAction = formPost(
  staffAction(
    'OPERATOR',
    z.tuple([ZForm({ importId: ZId, lineId: z.unknown().optional() })]),
    async (staff, form) => {
      const result = await confirmImport(await getDb(), staff, { importId: form.importId });
      revalidate('/admin/payments');
      return redirectTo(
        `/admin/payments/import/${form.importId}?recorded=${result.recorded}&skipped=${result.alreadyRecorded}`,
      );
    },
    { name: 'confirmImportAction' },
  ),
);

export const assignStatementLineAction = staffAction(
  'OPERATOR',
  z.tuple([z.unknown(), ZForm({ lineId: ZLine(40), ...ZPaymentFields })]),
  async (staff, _state, form) => {
    const { paymentId } = await assignStatementLine(await getDb(), staff, form);
    revalidate('/admin/payments');
    return redirectTo(`/admin/payments/queue?assigned=${paymentId}`);
  },
  { name: 'assignStatementLineAction' },
);

export const reversePaymentAction = staffAction(
  'OPERATOR',
  z.tuple([z.unknown(), ZForm({ paymentId: ZLine(40), reason: ZText(600) })]),
  async (staff, _state, form) => {
    await reversePayment(await getDb(), staff, form);
    revalidate('/admin/payments');
    return redirectTo(`/admin/payments?reversed=${form.paymentId}`);
  },
  { name: 'reversePaymentAction' },
);
