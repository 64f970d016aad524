import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPayments, reportPersons, reports } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { createRandom } from '@/db/seed/random';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { removeReportPayment } from '@/lib/server/reports/remove-report-payment';
import { ledgerBalanceThrough } from '@/lib/server/reports/report-ledger';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2026-07-10T10:00:00+04:00');

// Issue 6 §10: for random reports, the closing debt of the accepted report equals the ledger
// balance of its activity code at the period end, quarter after quarter.
describe('random reports: closing debt = ledger balance at the period end', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
  }, 60_000);
  afterAll(async () => database.close());

  it('six consecutive quarters with random persons, payments and lines', async () => {
    const db = database.db;
    const rnd = createRandom(42).next;
    const scope = await directorScope(db, 'xezer', AS_OF);
    const quarters = [
      [2025, 1],
      [2025, 2],
      [2025, 3],
      [2025, 4],
      [2026, 1],
      [2026, 2],
    ] as const;
    let previousEnd: number | null = null;
    for (const [year, quarter] of quarters) {
      const reportId = await sendableReport(db, scope, {
        employerKey: 'xezer',
        activityCode: '62.01',
        year,
        quarter,
        asOf: AS_OF,
      });
      // Random wages for a few persons; labour payments follow so the months reconcile.
      const persons = await db
        .select()
        .from(reportPersons)
        .where(eq(reportPersons.reportId, reportId))
        .orderBy(reportPersons.fin);
      const delta = [0, 0, 0];
      for (const p of persons.slice(0, 4)) {
        const incomes = [p.incomeM1Qepik, p.incomeM2Qepik, p.incomeM3Qepik].map((v, i) => {
          if (v === null) return null;
          const next = Math.floor(rnd() * 500_000) + 1;
          delta[i]! += next - v;
          return next;
        });
        await updateReportPerson(db, scope, { reportId, fin: p.fin, incomesQepik: incomes }, AS_OF);
      }
      const [row] = await db.select().from(reports).where(eq(reports.id, reportId));
      const { reportMonths } = await import('@/db/schema');
      const months = await db
        .select()
        .from(reportMonths)
        .where(eq(reportMonths.reportId, row!.id))
        .orderBy(reportMonths.month);
      await saveLabourPayments(
        db,
        scope,
        {
          reportId,
          months: months.map((m, i) => ({
            month: m.month,
            labourPaymentsQepik: (m.labourPaymentsQepik ?? 0) + delta[i]!,
          })),
        },
        AS_OF,
      );
      // Sometimes drop a payment (debt grows); random accrued/paid lines.
      const used = await db
        .select()
        .from(reportPayments)
        .where(eq(reportPayments.reportId, reportId));
      if (used.length > 0 && rnd() < 0.5)
        await removeReportPayment(db, scope, { reportId, paymentId: used[0]!.paymentId }, AS_OF);
      for (const step of ['F13', 'F14', 'F16'] as const) {
        await saveReportLines(
          db,
          scope,
          {
            reportId,
            step,
            accruedQepik: Math.floor(rnd() * 30_000),
            paidQepik: Math.floor(rnd() * 10_000),
          },
          AS_OF,
        );
      }
      await distributeReport(db, scope, { reportId }, AS_OF);
      const sent = await sendReport(db, scope, reportId, AS_OF);
      if (!sent.ok) throw new Error(`${year}Q${quarter}: ${sent.code}`);
      expect(sent.submission.status).toBe('ACCEPTED');
      const [accepted] = await db.select().from(reports).where(eq(reports.id, reportId));
      const lastMonth = `${year}-${String(quarter * 3).padStart(2, '0')}`;
      expect(await ledgerBalanceThrough(db, seedEmployer('xezer').id, '62.01', lastMonth)).toBe(
        accepted!.debtEndQepik,
      );
      if (previousEnd !== null) expect(accepted!.debtStartQepik).toBe(previousEnd);
      previousEnd = accepted!.debtEndQepik;
    }
  }, 120_000);
});
