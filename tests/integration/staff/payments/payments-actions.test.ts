import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importStatementAction,
  recordPaymentAction,
} from '@/app/admin/(dashboard)/payments/actions';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { MAX_STATEMENT_BYTES } from '@/lib/server/staff/payments/import-statement';
import { writeCamt053 } from '@/tests/fixtures/bank-statements/write-statements';
import { callAction, useAsAppDatabase, type ActionOutcome } from '../../helpers/action-harness';
import { inSession, STAFF_KEYS, startStaffSession } from '../../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { freshReference, line, XEZER_VOEN } from './payments-fixtures';

// The payments actions as a browser calls them (issue 14 §5): a malformed, huge or binary
// upload answers a refusal at the file field, never a 500; a refused payment names its field.

let database: TestDatabase;
let session: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  useAsAppDatabase(database);
  session = await startStaffSession(database.db, STAFF_KEYS.operator);
});
afterAll(async () => database?.close());

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const upload = (content: BlobPart | null, name = 'statement.xml'): Promise<ActionOutcome> =>
  inSession(session, () =>
    callAction(importStatementAction, [
      null,
      content === null ? form({}) : form({ file: new File([content], name) }),
    ]),
  );

describe('payments actions', () => {
  it('refuses bad uploads cleanly and imports a good one', async () => {
    const cases: [BlobPart | null, string][] = [
      [null, 'STATEMENT_FILE_REQUIRED'],
      ['', 'STATEMENT_EMPTY'],
      ['<Document><BkToCstmrStmt>', 'STATEMENT_XML_INVALID'],
      ['booking_date,amount\u0000x\n', 'STATEMENT_FILE_BINARY'],
      [new Uint8Array([0xc3, 0x28, 0x41]), 'STATEMENT_FILE_BINARY'],
      [new Uint8Array(MAX_STATEMENT_BYTES + 10).fill(0x41), 'STATEMENT_TOO_LARGE'],
      [
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "x">]><Document/>',
        'STATEMENT_DOCTYPE_REFUSED',
      ],
    ];
    for (const [content, code] of cases) {
      const outcome = await upload(content);
      expect(outcome, code).toMatchObject({ kind: 'refusal', code });
      expect((outcome as { message: string }).message.length).toBeGreaterThan(5);
    }
    const good = await upload(writeCamt053([line(XEZER_VOEN, '9.99')]));
    expect(good).toMatchObject({ kind: 'redirect' });
    expect((good as { to: string }).to).toMatch(/^\/admin\/payments\/import\/[0-9a-f-]{36}$/);
  });

  it('refuses a payment at its field, and records a good one', async () => {
    const fields = {
      employerId: seedEmployer('xezer').id,
      activityCode: '62.01',
      economicClassCode: '121111',
      paymentDate: '2026-11-10',
      amount: 'abc',
      bankReference: freshReference('A'),
    };
    const bad = await inSession(session, () =>
      callAction(recordPaymentAction, [null, form(fields)]),
    );
    expect(bad).toMatchObject({ kind: 'refusal' });
    const good = await inSession(session, () =>
      callAction(recordPaymentAction, [null, form({ ...fields, amount: '12,50' })]),
    );
    expect(good).toMatchObject({ kind: 'redirect' });
  });
});
