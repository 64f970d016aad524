import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportMonths } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { checkQuarterMonth, ofReport } from './report-draft';
import { AppError } from '../errors';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

/** Sanity bound: more employees than any employer has is a typing mistake. */
const MAX_HEADCOUNT = 10_000_000;

/** F18 headcount per month of the quarter (SPEC F18, F21; DOMAIN.md §6): whole numbers ≥ 0. */
export async function saveHeadcount(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; months: { month: string; headcount: number }[]; version?: number },
  asOf: Date = now(),
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    const checked = input.months.map((m) => {
      const month = checkQuarterMonth(report, m.month, `headcount.${m.month}`);
      const ok =
        Number.isSafeInteger(m.headcount) && m.headcount >= 0 && m.headcount <= MAX_HEADCOUNT;
      if (!ok) throw new AppError('HEADCOUNT_INVALID', { field: `headcount.${month}` });
      return { month, headcount: m.headcount };
    });
    for (const { month, headcount } of checked) {
      await tx
        .update(reportMonths)
        .set({ headcount })
        .where(and(ofReport(reportMonths, report.id, scope), eq(reportMonths.month, month)));
    }
    const version = await changeDraft(tx, scope, report, {
      step: 'F18',
      asOf,
      markSaved: true,
      details: { months: Object.fromEntries(checked.map((c) => [c.month, c.headcount])) },
    });
    return { version };
  });
}
