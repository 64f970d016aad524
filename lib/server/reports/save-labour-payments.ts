import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportMonths } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { checkQepik, checkQuarterMonth, ofReport } from './report-draft';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

export type SaveLabourPaymentsInput = {
  reportId: string;
  /** Labour payments per month of the quarter, in qəpik (parseAmount made them). */
  months: { month: string; labourPaymentsQepik: number }[];
  version?: number;
};

/**
 * F7 "Əmək ödənişləri" (SPEC F7, DOMAIN.md §6): the amount per month of the quarter, each a
 * non-negative safe integer. Months not sent keep their value, so partial saves are allowed.
 */
export async function saveLabourPayments(
  db: DbOrTx,
  scope: EmployerScope,
  input: SaveLabourPaymentsInput,
  asOf: Date = now(),
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    const checked = input.months.map((m) => {
      const month = checkQuarterMonth(report, m.month, `labourPayments.${m.month}`);
      return { month, amountQepik: checkQepik(m.labourPaymentsQepik, `labourPayments.${month}`) };
    });
    for (const { month, amountQepik } of checked) {
      await tx
        .update(reportMonths)
        .set({ labourPaymentsQepik: amountQepik })
        .where(and(ofReport(reportMonths, report.id, scope), eq(reportMonths.month, month)));
    }
    const version = await changeDraft(tx, scope, report, {
      step: 'F7',
      asOf,
      markSaved: true,
      details: { months: Object.fromEntries(checked.map((c) => [c.month, c.amountQepik])) },
    });
    return { version };
  });
}
