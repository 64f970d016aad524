import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { errorMessage } from '@/lib/server/error-messages';
import { signingMessage } from '@/lib/server/signing/errors';
import { completeReportSending } from '@/lib/server/submissions/send-report';
import { ensureDemoCertificates } from '../integration/helpers/identity-fixtures';
import { directorScope, sendableReport, signReport } from '../integration/helpers/sending-fixtures';
import { testBrowser } from '../integration/helpers/test-browser';
import { createTestDatabase, type TestDatabase } from '../integration/helpers/test-database';

// Issue 12 §6: fifty tabs each sign the same report and complete at once. One sends it; the
// 49 others are told it was already sent — not that it "changed since signing", which would
// send the holder to sign again a report that is no longer theirs to change.

const AS_OF = new Date('2025-10-15T10:00:00+04:00');

describe('50 concurrent sends of one report (issue 12 §6)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
  }, 120_000);
  afterAll(async () => database.close());

  it('one is received; the 49 losers answer REPORT_ALREADY_SENT in words', async () => {
    const { db } = database;
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '47.41',
      year: 2025,
      quarter: 3,
      asOf: AS_OF,
    });
    // Fifty signing sessions, each signed with PIN2, as fifty tabs would have them.
    const signed: { sessionId: string; jws: string }[] = [];
    for (let i = 0; i < 50; i++) signed.push(await signReport(db, scope, reportId));

    const outcomes = await Promise.all(
      signed.map((s) =>
        completeReportSending(db, scope, { browser: testBrowser, reportId, ...s }, AS_OF),
      ),
    );

    const sent = outcomes.filter((o) => o.ok);
    expect(sent).toHaveLength(1);
    const codes = outcomes.flatMap((o) => (o.ok ? [] : [o.code]));
    expect(codes).toEqual(Array.from({ length: 49 }, () => 'REPORT_ALREADY_SENT'));
    expect(
      await db.select().from(submissions).where(eq(submissions.reportId, reportId)),
    ).toHaveLength(1);

    // The words the sending dialog shows (completeSendAction reads signingMessage).
    const loser = outcomes.find((o) => !o.ok)!;
    expect(signingMessage(loser, {}, 'az')).toBe(errorMessage('REPORT_ALREADY_SENT', {}, 'az'));
    expect(signingMessage(loser, {}, 'en')).toMatch(/already been sent/);
  }, 240_000);
});
