import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CabinetMenu } from '@/components/cabinet/cabinet-menu';
import { CabinetStepper } from '@/components/cabinet/cabinet-stepper';
import { ExportLinks } from '@/components/cabinet/export-links';
import { PeriodFilter } from '@/components/cabinet/period-filter';
import { cabinetHref } from '@/lib/cabinet/query';
import {
  CABINET_VIEWS,
  cabinetViewBySlug,
  nextCabinetView,
  previousCabinetView,
} from '@/lib/cabinet/views';
import { formatDate } from '@/lib/i18n/format-date';
import { loadCabinetPage } from '@/lib/server/cabinet/cabinet-page';
import { ChooseCode } from './choose-code';
import { PeriodLine } from './period-line';
import { ViewBody } from './view-body';

type Props = {
  params: Promise<{ view: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { view: slug } = await params;
  const view = cabinetViewBySlug(slug);
  const tv = await getTranslations('cabinetViews');
  const t = await getTranslations('cabinet');
  return { title: view ? `${tv(view.id)} — ${t('title')}` : t('title') };
}

/** One view of the personal cabinet (SPEC E2, issue 13 §1–§3): menu, header, filter, body. */
export default async function CabinetViewPage({ params, searchParams }: Props) {
  const { view: slug } = await params;
  const view = cabinetViewBySlug(slug);
  if (!view) notFound();
  const page = await loadCabinetPage(view, await searchParams);
  const { context, problems, tables } = page;
  const { query } = context;
  const t = await getTranslations('cabinet');
  const tv = await getTranslations('cabinetViews');
  const tq = await getTranslations('cabinetQueryFields');
  const td = await getTranslations('distribution');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const back = previousCabinetView(view.id);
  const next = nextCabinetView(view.id);
  const showBody = !view.needsCode || context.code !== null;
  const exportHref = (format: 'csv' | 'xlsx') =>
    cabinetHref(`${view.slug}/export`, query, { format });
  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
      <aside className="order-2 lg:order-1">
        <CabinetMenu
          current={view.id}
          items={CABINET_VIEWS.map((v) => ({
            id: v.id,
            number: v.number,
            href: cabinetHref(v.slug, query),
          }))}
        />
      </aside>
      <section className="order-1 min-w-0 lg:order-2" aria-labelledby="view-title">
        <header data-testid="cabinet-header">
          {context.actingFor ? (
            <p
              className="mb-2 rounded-md border-l-4 border-brand-600 bg-brand-50 p-2 text-sm"
              data-testid="cabinet-viewing-sub"
            >
              {td('viewingSub', { parent: context.actingFor.name, name: context.employer.name })}{' '}
              <a href={cabinetHref(view.slug, { ...query, code: null, sub: null })}>
                {td('backToOwn')}
              </a>
            </p>
          ) : null}
          <p className="text-sm text-muted">
            {t('title')} ·{' '}
            {t('employerLine', { name: context.employer.name, voen: context.employer.voen })}
          </p>
          {view.needsCode && context.code ? (
            <p className="text-sm text-muted" data-testid="cabinet-code">
              {t('codeLine', {
                code: context.code.code,
                name: locale === 'en' ? context.code.nameEn : context.code.nameAz,
              })}{' '}
              <a href={cabinetHref('activity-code', query)} className="print:hidden">
                {t('changeCode')}
              </a>
            </p>
          ) : null}
          <h1 id="view-title" className="mt-1 text-2xl font-bold">
            <span className="text-muted">{view.number}. </span>
            {tv(view.id)}
          </h1>
          {view.hasPeriod ? <PeriodLine query={query} locale={locale} /> : null}
          <p className="hidden text-sm print:block">
            {t('madeOn', { date: formatDate(page.madeAt, locale) })}
          </p>
        </header>
        {problems.length > 0 ? (
          <div
            role="alert"
            className="mt-4 rounded-md border-l-4 border-warning bg-surface p-3"
            data-testid="cabinet-query-problems"
          >
            <p>{t('queryProblems')}</p>
            <ul className="list-disc pl-5">
              {problems.map((p) => (
                <li key={p.field}>{t('queryProblem', { field: tq(p.field), value: p.value })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-6 rounded-lg bg-surface p-4 shadow-sm sm:p-6">
          {view.hasPeriod && showBody ? (
            <PeriodFilter
              action={`/cabinet/${view.slug}`}
              query={query}
              years={context.years}
              locale={locale}
            />
          ) : null}
          {showBody ? (
            <ViewBody view={view} context={context} tables={tables} locale={locale} />
          ) : (
            <ChooseCode context={context} slug={view.slug} locale={locale} />
          )}
          {showBody && view.exportable && tables && tables.length > 0 ? (
            <ExportLinks csvHref={exportHref('csv')} xlsxHref={exportHref('xlsx')} />
          ) : null}
        </div>
        <CabinetStepper
          back={back ? { id: back.id, href: cabinetHref(back.slug, query) } : null}
          next={next ? { id: next.id, href: cabinetHref(next.slug, query) } : null}
        />
      </section>
    </div>
  );
}
