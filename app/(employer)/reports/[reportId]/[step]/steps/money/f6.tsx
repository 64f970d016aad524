import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { amountText } from '@/components/report-wizard/money/display';
import { PaymentsPanel } from '@/components/report-wizard/lazy';
import { getDb } from '@/lib/server/db';
import { listUnallocatedPayments } from '@/lib/server/reports/list-unallocated-payments';
import { continueStepAction } from '../../actions';
import {
  addAllReportPaymentsAction,
  addReportPaymentAction,
  removeReportPaymentAction,
} from '../../actions-money';
import type { StepProps } from '../step-props';

/**
 * SPEC F6: payments added to the report; add one (in full or in part), all those up to the
 * quarter's end (or the later ones too), or remove one.
 */
export async function StepF6({ loaded, locale, query }: StepProps) {
  const tw = await getTranslations('wizard');
  const { report, scope } = loaded;
  const requested = Number.parseInt(query.page ?? '1', 10);
  const list = await listUnallocatedPayments(await getDb(), scope, {
    reportId: report.id,
    page: Number.isFinite(requested) ? requested : 1,
  });
  const pages = Math.max(Math.ceil(list.total / list.pageSize), 1);
  const pageHref = (page: number) => `/reports/${report.id}/${loaded.step.slug}?add=1&page=${page}`;
  return (
    <>
      <PaymentsPanel
        added={report.payments}
        totalUsedQepik={report.paymentsUsedQepik}
        initiallyOpen={query.add === '1'}
        unallocated={{
          rows: list.rows.map((r) => ({
            ...r,
            remainderText: amountText(r.remainderQepik, locale),
          })),
          total: list.total,
          totalRemainderQepik: list.totalRemainderQepik,
          upToQuarterEnd: list.upToQuarterEnd,
          afterQuarter: list.afterQuarter,
          quarterEnd: list.quarterEnd,
          page: list.page,
          pages,
          prevHref: list.page > 1 ? pageHref(list.page - 1) : null,
          nextHref: list.page < pages ? pageHref(list.page + 1) : null,
        }}
        add={addReportPaymentAction.bind(null, report.id)}
        addAll={addAllReportPaymentsAction.bind(null, report.id)}
        remove={removeReportPaymentAction.bind(null, report.id)}
      />
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F6')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
