import {
  assignStatementLineAction,
  confirmImportAction,
  importStatementAction,
  recordPaymentAction,
  reversePaymentAction,
} from '@/app/admin/(dashboard)/payments/actions';
import { eq } from 'drizzle-orm';
import { bankStatementLines } from '@/db/schema';
import { seedEmployer } from '@/db/seed/employers';
import type { Db } from '@/db/types';
import { importStatement } from '@/lib/server/staff/payments/import-statement';
import { recordPayment } from '@/lib/server/staff/payments/record-payment';
import { writeCamt053 } from '@/tests/fixtures/bank-statements/write-statements';
import { STAFF_KEYS, staffScopeOf } from '../../helpers/staff-fixtures';
import {
  bytes,
  freshReference,
  line,
  UNKNOWN_VOEN,
  XEZER_VOEN,
} from '../payments/payments-fixtures';
import type { StaffMatrixCase } from '../matrix-types';

// Payments and bank statements (issue 14 §5): operators' actions (HEAD and ADMIN cover them).
const OPERATORS = ['operator', 'head', 'admin'] as const;
const XEZER = seedEmployer('xezer').id;

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A statement the Nəsimi operator imported: one Xəzər line, one unmatched line. */
async function nesimiImport(db: Db) {
  const operator = await staffScopeOf(db, STAFF_KEYS.operator);
  const unknown = line(UNKNOWN_VOEN, '3.00', 'MDSS');
  const summary = await importStatement(db, operator, {
    fileName: 'matrix.xml',
    bytes: bytes(writeCamt053([line(XEZER_VOEN, '2.00'), unknown])),
  });
  return { summary, unknownReference: unknown.reference };
}

export const CASES: StaffMatrixCase[] = [
  {
    action: 'recordPaymentAction',
    allowed: OPERATORS,
    targetsNesimiEmployer: true,
    call: () =>
      recordPaymentAction(
        null,
        form({
          employerId: XEZER,
          activityCode: '62.01',
          economicClassCode: '121111',
          paymentDate: '2026-11-10',
          amount: '10,00',
          bankReference: freshReference('MX'),
        }),
      ),
  },
  {
    action: 'importStatementAction',
    allowed: OPERATORS,
    targetsNesimiEmployer: false,
    call: () =>
      importStatementAction(
        null,
        form({
          file: new File([writeCamt053([line(UNKNOWN_VOEN, '1.00', 'MDSS')])], 'm.xml', {
            type: 'text/xml',
          }),
        }),
      ),
  },
  {
    action: 'confirmImportAction',
    allowed: OPERATORS,
    targetsNesimiEmployer: true,
    call: async ({ db }) => {
      const { summary } = await nesimiImport(db.db);
      return confirmImportAction(form({ importId: summary.importId }));
    },
  },
  {
    action: 'assignStatementLineAction',
    allowed: OPERATORS,
    targetsNesimiEmployer: true,
    call: async ({ db }) => {
      const { unknownReference } = await nesimiImport(db.db);
      const [queued] = await db.db
        .select({ id: bankStatementLines.id })
        .from(bankStatementLines)
        .where(eq(bankStatementLines.bankReference, unknownReference));
      const lineId = queued?.id;
      return assignStatementLineAction(
        null,
        form({
          lineId: lineId ?? '',
          employerId: XEZER,
          activityCode: '62.01',
          economicClassCode: '121111',
        }),
      );
    },
  },
  {
    action: 'reversePaymentAction',
    allowed: OPERATORS,
    targetsNesimiEmployer: true,
    call: async ({ db }) => {
      const operator = await staffScopeOf(db.db, STAFF_KEYS.operator);
      const { paymentId } = await recordPayment(db.db, operator, {
        employerId: XEZER,
        activityCode: '62.01',
        economicClassCode: '121111',
        paymentDate: '2026-11-10',
        amount: '5,00',
        bankReference: freshReference('RX'),
      });
      return reversePaymentAction(null, form({ paymentId, reason: 'Matrix' }));
    },
  },
];
