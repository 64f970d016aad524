import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { SummaryRow } from '@/components/report-wizard/persons/summary-list';
import { formatAmount, formatMonth } from '@/lib/domain';
import { stepById, type StepId } from '@/lib/report-wizard/steps';
import type { DraftReview as ReportReview } from '@/lib/server/reports/review/draft-review';
import type { LoadedStep } from '../../load-step';

const LINE_STEP: Record<string, StepId> = {
  PENALTY: 'F11',
  SANCTIONS_FINES: 'F12',
  SANATORIUM: 'F13',
  INJURY_REFUND: 'F14',
  FUND_FOUND: 'F15',
  OTHER: 'F16',
};

/** The answers of every section of the report, each with the step that changes it. */
export async function reviewRows(
  review: ReportReview,
  loaded: LoadedStep,
  locale: 'az' | 'en',
): Promise<{ answers: SummaryRow[]; balance: SummaryRow[] }> {
  const t = await getTranslations('wizardPersons');
  const tf = await getTranslations('figures');
  const ts = await getTranslations('wizardSteps');
  const money = (q: number) => formatAmount(q, locale);
  const href = (id: StepId) => loaded.hrefOf(stepById(id) ?? null);
  const perMonth = (pick: (m: ReportReview['months'][number]) => string) =>
    review.months.map((m) => `${formatMonth(m.month, locale)}: ${pick(m)}`).join('; ');
  const signatory = (role: string) => {
    const s = review.signatories.find((x) => x.role === role);
    return s ? `${s.surname} ${s.name} ${s.patronymic} (${s.fin})` : t('notChosen');
  };
  const sum = (pick: (m: ReportReview['months'][number]) => number) =>
    review.months.reduce((s, m) => s + pick(m), 0);
  const answers: SummaryRow[] = [
    { key: 'F4', label: ts('F4'), value: money(review.debtStartQepik), changeHref: href('F4') },
    { key: 'F6', label: ts('F6'), value: money(review.paymentsUsedQepik), changeHref: href('F6') },
    {
      key: 'F7',
      label: ts('F7'),
      value: perMonth((m) => (m.labourPaymentsQepik === null ? '—' : money(m.labourPaymentsQepik))),
      changeHref: href('F7'),
    },
    {
      key: 'F8',
      label: ts('F8'),
      value: perMonth((m) => money(m.nonLiableQepik)),
      changeHref: href('F8'),
    },
    {
      key: 'F10',
      label: ts('F10'),
      value: t('mdssTotals', {
        employer: money(sum((m) => m.employerQepik)),
        employee: money(sum((m) => m.employeeQepik)),
      }),
      changeHref: href('F10'),
    },
    ...review.lines.map((l) => {
      const step = LINE_STEP[l.category] ?? 'F16';
      return {
        key: `line-${l.category}`,
        label: ts(step),
        value: t('accruedPaid', { accrued: money(l.accruedQepik), paid: money(l.paidQepik) }),
        changeHref: href(step),
      };
    }),
    {
      key: 'F18',
      label: ts('F18'),
      value: perMonth((m) => (m.headcount === null ? '—' : String(m.headcount))),
      changeHref: href('F18'),
    },
    {
      key: 'F20',
      label: ts('F20'),
      value: `${t('personsTotal', { count: review.persons })} · ${perMonth((m) => money(m.personsIncomeQepik))}`,
      changeHref: href('F20'),
    },
    {
      key: 'F22',
      label: ts('F22'),
      value: review.distributedAt
        ? tf('distributedSummary', {
            distributed: money(review.distributedQepik),
            undistributed: money(review.undistributedQepik),
          })
        : t('notDistributedYet'),
      changeHref: href('F22'),
    },
    {
      key: 'F24',
      label: ts('F24'),
      value: t('personsTotal', { count: loaded.report.counts.seniority }),
      changeHref: href('F24'),
    },
    {
      key: 'F25-responsible',
      label: t('responsible'),
      value: signatory('RESPONSIBLE'),
      changeHref: href('F25'),
    },
    {
      key: 'F25-chief',
      label: t('chiefAccountant'),
      value: signatory('CHIEF_ACCOUNTANT'),
      changeHref: href('F25'),
    },
  ];
  const b = review.balance;
  const balance: SummaryRow[] = [
    {
      key: 'debt-start',
      label: t('balanceStart'),
      value: money(b.debtStartQepik),
      changeHref: null,
    },
    { key: 'accrued', label: t('balanceAccrued'), value: money(b.accruedQepik), changeHref: null },
    { key: 'paid', label: t('balancePaid'), value: money(b.paidQepik), changeHref: null },
    {
      key: 'write-offs',
      label: t('balanceWriteOffs'),
      value: money(b.writeOffsQepik),
      changeHref: null,
    },
    {
      key: 'debt-end',
      label: t('balanceEnd'),
      value: money(b.debtEndQepik),
      changeHref: href('F17'),
    },
  ];
  return { answers, balance };
}
