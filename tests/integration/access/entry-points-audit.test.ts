import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as receiptPdf } from '@/app/(employer)/reports/submissions/[submissionId]/receipt.pdf/route';
import ReceiptPage from '@/app/(employer)/reports/submissions/[submissionId]/receipt/page';
import { GET as signedFile } from '@/app/(employer)/reports/submissions/[submissionId]/signed-file/route';
import { auditLog } from '@/db/schema';
import { seed } from '@/db/seed';
import { asPerson, principalOf, useAsAppDatabase } from '../helpers/action-harness';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { buildWorld, WORLD_AS_OF, type World } from './scoped-world';

// The pages and route handlers that load by an id from the address, outside the wizard: another
// employer's id is a 404 and an audit row (through runScoped, like the action client), and the
// employer's own id still works.

describe('receipt page, receipt PDF and signed file: another employer’s submission id', () => {
  let database: TestDatabase;
  let xezer: World;
  const school = principalOf('school-director', 'sebail-edu');
  const director = principalOf('xezer-director', 'xezer');
  const params = (submissionId: string) => ({ params: Promise.resolve({ submissionId }) });
  const request = (path: string) => new Request(`http://localhost${path}`);

  beforeAll(async () => {
    vi.stubEnv('HESABAT_NOW', WORLD_AS_OF.toISOString());
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    xezer = await buildWorld(database.db, 'xezer');
    useAsAppDatabase(database);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  async function denials(action: string): Promise<number> {
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'ACCESS'),
          eq(auditLog.outcome, 'DENIED'),
          eq(auditLog.actorFin, school.fin),
          sql`${auditLog.details}->>'action' = ${action}`,
          sql`${auditLog.details}->>'reason' = 'NOT_IN_SCOPE'`,
        ),
      );
    return rows.length;
  }

  it('receipt.pdf and signed-file answer 404 with one audit row each; the owner gets the file', async () => {
    const id = xezer.ids.submissionId;
    for (const [route, action] of [
      [receiptPdf, 'getReceipt'],
      [signedFile, 'getSignedFile'],
    ] as const) {
      const before = await denials(action);
      const response = await asPerson(school, () => route(request('/x'), params(id)));
      expect(response.status, action).toBe(404);
      expect(await response.text()).not.toContain(xezer.ids.receiptNumber);
      expect(await denials(action), action).toBe(before + 1);
      const own = await asPerson(director, () => route(request('/x'), params(id)));
      expect(own.status, action).toBe(200);
    }
  });

  it('the receipt page shows the not-found page, with one audit row', async () => {
    const before = await denials('getReceipt');
    const error = await asPerson(school, () =>
      ReceiptPage(params(xezer.ids.submissionId)).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(String((error as { digest?: unknown } | null)?.digest)).toMatch(/404|NOT_FOUND/);
    expect(await denials('getReceipt')).toBe(before + 1);
  });
});
