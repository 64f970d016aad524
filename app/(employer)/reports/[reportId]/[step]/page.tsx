import { getLocale, getTranslations } from 'next-intl/server';
import { StepsMenu } from '@/components/report-wizard/steps-menu';
import { statusWordKey } from '@/lib/i18n/status-words';
import { loadStep } from './load-step';
import { StepBody } from './step-body';

type Props = {
  params: Promise<{ reportId: string; step: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { step } = await params;
  const ts = await getTranslations('wizardSteps');
  const { stepBySlug } = await import('@/lib/report-wizard/steps');
  const found = stepBySlug(step);
  return { title: found ? ts(found.id) : undefined };
}

/** One wizard step (SPEC F4–F25): the "Addımlar" menu, the report header and the step itself. */
export default async function WizardStepPage({ params, searchParams }: Props) {
  const { reportId, step: slug } = await params;
  const loaded = await loadStep(reportId, slug);
  const t = await getTranslations('wizard');
  const ts = await getTranslations('wizardSteps');
  const tst = await getTranslations('reportStatus');
  const locale = await getLocale();
  const { report, step } = loaded;
  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
      <aside className="order-2 lg:order-1">
        <StepsMenu items={loaded.menu} current={step.id} />
      </aside>
      <section className="order-1 min-w-0 lg:order-2" aria-labelledby="step-title">
        <p className="text-sm text-muted" data-testid="report-header">
          {t('header', {
            type: t(`type${report.reportType}`),
            year: report.year,
            quarter: report.quarter,
            activity: report.activityCode,
          })}{' '}
          ·{' '}
          <span data-testid="report-header-status" data-status={report.status}>
            {tst(statusWordKey(report.status) ?? 'DRAFT')}
          </span>
        </p>
        <h1 id="step-title" className="mt-1 text-2xl font-bold">
          <span className="text-muted">{step.id === 'REVIEW' ? '' : `${step.id}. `}</span>
          {ts(step.id)}
        </h1>
        <div className="mt-6 rounded-lg bg-surface p-4 shadow-sm sm:p-6">
          <StepBody
            loaded={loaded}
            locale={locale === 'en' ? 'en' : 'az'}
            query={await searchParams}
          />
        </div>
      </section>
    </div>
  );
}
