import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  penaltyCharges,
  personAccountEntries,
  reportLines,
  reports,
  sanctionProposals,
  submissions,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { seedDemoHistory } from '@/lib/server/demo/seed-history';
import { findDefaultReportPeriods } from '@/lib/server/reports/find-default-report-periods';
import { ledgerBalanceThrough } from '@/lib/server/reports/report-ledger';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { scopeOf } from '../reports/report-fixtures';

describe('demo history: past quarters filed and accepted through the sending code path', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await seedDemoHistory(database.db, { employerKeys: ['xezer', 'sebail-edu', 'school-6'] });
  }, 240_000);
  afterAll(async () => database.close());

  it('every accepted report’s closing debt equals the ledger balance of its code at the period end', async () => {
    const accepted = await database.db.select().from(reports).where(eq(reports.status, 'ACCEPTED'));
    expect(accepted.length).toBeGreaterThanOrEqual(12);
    for (const r of accepted) {
      const lastMonth = `${r.year}-${String(r.quarter * 3).padStart(2, '0')}`;
      const balance = await ledgerBalanceThrough(
        database.db,
        r.employerId,
        r.activityCode,
        lastMonth,
      );
      expect({ report: `${r.activityCode} ${r.year}Q${r.quarter}`, debt: r.debtEndQepik }).toEqual({
        report: `${r.activityCode} ${r.year}Q${r.quarter}`,
        debt: balance,
      });
    }
  });

  it('the next quarter opens with the closing debt of the one before', async () => {
    const xezer = seedEmployer('xezer');
    const rows = await database.db
      .select()
      .from(reports)
      .where(and(eq(reports.employerId, xezer.id), eq(reports.activityCode, '62.01')))
      .orderBy(reports.year, reports.quarter);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.debtStartQepik).toBe(rows[i - 1]!.debtEndQepik);
  });

  it('persons’ accounts hold each accepted report’s MDSS, and the late filing has a sanction proposal', async () => {
    const [sums] = await database.db
      .select({
        mdss: sql<string>`sum(${personAccountEntries.employerMdssQepik} + ${personAccountEntries.employeeMdssQepik})`,
      })
      .from(personAccountEntries);
    const [reported] = await database.db
      .select({ mdss: sql<string>`sum(${reports.mdssQepik})` })
      .from(reports)
      .where(eq(reports.status, 'ACCEPTED'));
    expect(Number(sums!.mdss)).toBe(Number(reported!.mdss));
    const late = await database.db.select().from(submissions).where(eq(submissions.late, true));
    expect(late).toHaveLength(2); // Xəzər 2025 Q2, both activity codes
    const proposals = await database.db.select().from(sanctionProposals);
    expect(proposals).toHaveLength(late.length);
    expect(proposals.every((p) => p.status === 'PROPOSED' && p.amountQepik > 0)).toBe(true);
  });

  it('Xəzər’s history charges penalty on its carried debt: older unpaid months in every report, no day twice, at most 365 days each (issue 10 §1)', async () => {
    const xezer = seedEmployer('xezer');
    const rows = await database.db
      .select({
        reportId: penaltyCharges.reportId,
        month: penaltyCharges.obligationMonth,
        side: penaltyCharges.obligationSide,
        from: penaltyCharges.chargedFrom,
        to: penaltyCharges.chargedTo,
        days: penaltyCharges.days,
        totalDays: penaltyCharges.totalDays,
        penalty: penaltyCharges.penaltyQepik,
        year: reports.year,
        quarter: reports.quarter,
      })
      .from(penaltyCharges)
      .innerJoin(reports, eq(reports.id, penaltyCharges.reportId))
      .where(and(eq(penaltyCharges.employerId, xezer.id), eq(penaltyCharges.activityCode, '62.01')))
      .orderBy(penaltyCharges.chargedFrom);
    // The opening balance is December 2024's MDSS, due 15.01.2025: the first report charges it.
    expect(rows.some((r) => r.month === '2024-12' && r.from === '2025-01-16')).toBe(true);
    const accepted = await database.db
      .select({ id: reports.id, year: reports.year, quarter: reports.quarter })
      .from(reports)
      .where(
        and(
          eq(reports.employerId, xezer.id),
          eq(reports.activityCode, '62.01'),
          eq(reports.status, 'ACCEPTED'),
        ),
      );
    expect(accepted).toHaveLength(6);
    for (const report of accepted) {
      const charged = rows.filter((r) => r.reportId === report.id);
      const firstMonth = `${report.year}-${String(report.quarter * 3 - 2).padStart(2, '0')}`;
      // Debt carried from before the quarter keeps accruing in every report.
      expect(charged.some((r) => r.month < firstMonth && r.days > 0)).toBe(true);
      const [line] = await database.db
        .select({ accrued: reportLines.accruedQepik })
        .from(reportLines)
        .where(and(eq(reportLines.reportId, report.id), eq(reportLines.category, 'PENALTY')));
      expect(line?.accrued).toBe(charged.reduce((t, r) => t + r.penalty, 0));
    }
    const byObligation = new Map<string, typeof rows>();
    for (const r of rows)
      byObligation.set(`${r.month}|${r.side}`, [
        ...(byObligation.get(`${r.month}|${r.side}`) ?? []),
        r,
      ]);
    for (const [, charges] of byObligation) {
      for (let i = 1; i < charges.length; i++)
        expect(charges[i]!.from > charges[i - 1]!.to).toBe(true);
      expect(charges.reduce((t, r) => t + r.days, 0)).toBeLessThanOrEqual(365);
      expect(charges.every((r) => r.totalDays <= 365)).toBe(true);
    }
  });

  it('"Yeni Hesabat" then starts on 2026 Q3 for both of Xəzər’s codes (2025 Q1 – 2026 Q2 are filed)', async () => {
    const scope = await scopeOf(database.db, 'xezer');
    const periods = await findDefaultReportPeriods(
      database.db,
      scope,
      new Date('2026-12-01T08:00:00Z'),
    );
    expect(periods.byActivityCode).toEqual({
      '47.41': { year: 2026, quarter: 3 },
      '62.01': { year: 2026, quarter: 3 },
    });
  });
});
