import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import {
  parseRegistryCriteria,
  type RegistryCriteria,
} from '@/lib/server/reports/registry/registry-criteria';
import { searchReports } from '@/lib/server/reports/registry/search-reports';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import type { TestDatabase } from '../helpers/test-database';
import { seededDatabase } from '../reports/report-fixtures';
import { insertSubmission, markSent, sampleDocument } from './registry-fixtures';

function criteria(query: Record<string, string> = {}): RegistryCriteria {
  const parsed = parseRegistryCriteria(query);
  expect(parsed.errors).toEqual([]);
  return parsed.criteria;
}

describe('searchReports (SPEC G1)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  const ids: string[] = [];
  let latestSubmissionId = '';

  beforeAll(async () => {
    database = await seededDatabase();
    const db = database.db;
    xezer = await reportsScope(db, 'xezer', 'xezer-director');
    kur = await reportsScope(db, 'kur', 'kur-director');
    // 45 drafts over 2019–2024, both of Xəzər's codes, every quarter: all (code, period) distinct.
    for (let i = 0; i < 45; i += 1) {
      ids.push(
        await insertDraftReport(db, {
          year: 2019 + Math.floor(i / 8),
          quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4,
          activityCode: i % 8 < 4 ? '62.01' : '47.41',
        }),
      );
    }
    // Five of them were sent: amounts 100, 200, … 500 AZN, sent on consecutive days in 2024.
    for (let k = 0; k < 5; k += 1) {
      await markSent(db, ids[40 + k]!, {
        status: k === 4 ? 'ACCEPTED' : k === 3 ? 'RETURNED' : 'SENT',
        receiptNumber: `R-${1000 + k}`,
        sentAt: new Date(`2025-01-${String(10 + k).padStart(2, '0')}T10:00:00Z`),
        mdssQepik: (k + 1) * 10_000,
        debtEndQepik: 5_000,
        personsCount: k + 1,
      });
    }
    // The report with receipt R-1004 was sent twice; the later sending is the one to link.
    const doc = sampleDocument(ids[44]!, []);
    await insertSubmission(db, ids[44]!, {
      receiptNumber: 'R-0999',
      receivedAt: new Date('2025-01-05T10:00:00Z'),
      document: doc,
    });
    latestSubmissionId = await insertSubmission(db, ids[44]!, {
      receiptNumber: 'R-1004',
      receivedAt: new Date('2025-01-14T10:00:00Z'),
      document: doc,
    });
    // Kür has one report of its own.
    await insertDraftReport(db, {
      employerKey: 'kur',
      activityCode: '41.20',
      year: 2025,
      quarter: 2,
    });
  });
  afterAll(async () => database?.close());

  it('counts and pages in SQL: 20 a page, every row on exactly one page, a page past the end shows the last', async () => {
    const seen = new Set<string>();
    for (const page of [1, 2, 3]) {
      const result = await searchReports(database.db, xezer, criteria({ page: String(page) }));
      expect(result.total).toBe(45);
      expect(result.pageCount).toBe(3);
      expect(result.page).toBe(page);
      expect(result.rows).toHaveLength(page === 3 ? 5 : 20);
      for (const row of result.rows) seen.add(row.id);
    }
    expect(seen.size).toBe(45);
    const past = await searchReports(database.db, xezer, criteria({ page: '99' }));
    expect(past.page).toBe(3);
    expect(past.rows).toHaveLength(5);
  });

  it('filters on period, status, type, activity code, amount range, receipt and sending date', async () => {
    const search = async (q: Record<string, string>) =>
      (await searchReports(database.db, xezer, criteria(q))).rows;
    const count = async (q: Record<string, string>) =>
      (await searchReports(database.db, xezer, criteria(q))).total;
    expect(await search({ year: '2020' })).toHaveLength(8);
    expect(
      (await search({ year: '2020', quarter: '2' })).map((r) => r.activityCode).sort(),
    ).toEqual(['47.41', '62.01']);
    expect(await count({ status: 'DRAFT' })).toBe(40);
    expect((await search({ status: 'RETURNED' })).map((r) => r.receiptNumber)).toEqual(['R-1003']);
    expect(await search({ type: 'CORRECTIVE' })).toHaveLength(0);
    expect(await count({ activity: '62.01' })).toBe(24);
    expect((await search({ min: '200', max: '400,00' })).map((r) => r.mdssQepik).sort()).toEqual([
      20_000, 30_000, 40_000,
    ]);
    expect(await search({ min: '1 000' })).toHaveLength(0);
    expect((await search({ receipt: 'R-1001' })).map((r) => r.id)).toEqual([ids[41]]);
    // Sent 2025-01-10 … 01-14 at 14:00 Baku; the range is inclusive Baku days.
    expect(
      (await search({ from: '2025-01-11', to: '2025-01-12', status: 'SENT' }))
        .map((r) => r.receiptNumber)
        .sort(),
    ).toEqual(['R-1001', 'R-1002']);
    // Drafts are found by their last change instead.
    expect(await count({ from: '2000-01-01', status: 'DRAFT' })).toBe(40);
    expect(await count({ to: '2000-01-01' })).toBe(0);
  });

  it('sorts by period, status, sending time and amount (empty last), both ways, and links the latest receipt', async () => {
    const rows = async (q: Record<string, string>) =>
      (await searchReports(database.db, xezer, criteria(q))).rows;
    const byPeriodAsc = await rows({ sort: 'period', dir: 'asc' });
    expect(`${byPeriodAsc[0]!.year}Q${byPeriodAsc[0]!.quarter}`).toBe('2019Q1');
    const byPeriodDesc = await rows({ sort: 'period', dir: 'desc' });
    expect(`${byPeriodDesc[0]!.year}Q${byPeriodDesc[0]!.quarter}`).toBe('2024Q4');

    const byAmountDesc = await rows({ sort: 'amount', dir: 'desc' });
    expect(byAmountDesc.slice(0, 6).map((r) => r.mdssQepik)).toEqual([
      50_000,
      40_000,
      30_000,
      20_000,
      10_000,
      null,
    ]);
    const byAmountAsc = await rows({ sort: 'amount', dir: 'asc' });
    expect(byAmountAsc.slice(0, 5).map((r) => r.mdssQepik)).toEqual([
      10_000, 20_000, 30_000, 40_000, 50_000,
    ]);

    const bySent = await rows({ sort: 'sent', dir: 'desc' });
    expect(bySent.slice(0, 5).map((r) => r.receiptNumber)).toEqual([
      'R-1004',
      'R-1003',
      'R-1002',
      'R-1001',
      'R-1000',
    ]);
    expect(bySent[0]!.latestSubmissionId).toBe(latestSubmissionId);
    expect(bySent[1]!.latestSubmissionId).toBeNull();

    const byStatus = await rows({ sort: 'status', dir: 'asc' });
    expect(byStatus[0]!.status).toBe('DRAFT');
    const byStatusDesc = await rows({ sort: 'status', dir: 'desc', status: 'ACCEPTED' });
    expect(byStatusDesc.map((r) => r.status)).toEqual(['ACCEPTED']);
  });

  it("never shows another employer's reports", async () => {
    const theirs = await searchReports(database.db, kur, criteria());
    expect(theirs.total).toBe(1);
    expect(theirs.rows.map((r) => r.activityCode)).toEqual(['41.20']);
    expect(theirs.rows.some((r) => ids.includes(r.id))).toBe(false);
    const byReceipt = await searchReports(database.db, kur, criteria({ receipt: 'R-1001' }));
    expect(byReceipt.total).toBe(0);
    const [mine] = await database.db
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.receiptNumber, 'R-1001'));
    expect(mine?.id).toBe(ids[41]);
  });
});
