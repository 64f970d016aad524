import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import {
  AddPersonForm,
  ImportPanel,
  PersonRow,
  PrefillButton,
} from '@/components/report-wizard/lazy';
import {
  PersonsFilter,
  PersonsPager,
  personsQuery,
} from '@/components/report-wizard/persons/persons-filter';
import { PersonsTotals } from '@/components/report-wizard/persons/persons-totals';
import { formatAmount, formatMonth } from '@/lib/domain';
import { getDb } from '@/lib/server/db';
import { findLatestJob } from '@/lib/server/jobs/get-job';
import { toJobAnswer } from '@/lib/server/jobs/job-message';
import { MAX_FILE_BYTES } from '@/lib/server/reports/import/parse-person-file';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { amountForInput } from '../../step-body';
import {
  addPersonAction,
  checkRowsAction,
  deletePersonAction,
  goNextAction,
  importPersonsAction,
  prefillAction,
  startImportAction,
  updatePersonAction,
} from '../../actions-persons';
import type { StepProps } from '../step-props';
import { PersonDetail } from './person-detail';

const PAGE_SIZE = 50;

/** SPEC F20: insured persons — add by FIN, list (paged, filtered) with totals, edit, delete, detail; copy the staff list; bulk import. */
export async function StepF20({ loaded, locale, query }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const tw = await getTranslations('wizard');
  const { report, scope } = loaded;
  const filters = { fin: (query.fin ?? '').slice(0, 16), name: (query.name ?? '').slice(0, 100) };
  const requested = Math.max(1, Math.trunc(Number(query.page)) || 1);
  const db = await getDb();
  const list = await listReportPersons(db, scope, {
    reportId: report.id,
    page: requested,
    pageSize: PAGE_SIZE,
    ...filters,
  });
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const latestJob = await findLatestJob(db, scope, { reportId: report.id, kind: 'IMPORT_PERSONS' });
  const months = report.months.map((m) => ({
    month: m.month,
    label: formatMonth(m.month, locale),
  }));
  const money = (q: number) => formatAmount(q, locale);
  const base = loaded.hrefOf(loaded.step) ?? '';
  const href = (patch: Record<string, string | number | undefined>) =>
    `${base}${personsQuery({ ...filters, page: list.page, ...patch })}`;
  return (
    <>
      <p className="mb-6 max-w-prose">{t('f20Lead')}</p>
      {query.person ? (
        <PersonDetail
          loaded={loaded}
          locale={locale}
          fin={query.person}
          closeHref={href({ person: undefined })}
        />
      ) : null}
      <div className="mb-8 grid gap-4 xl:grid-cols-2">
        <AddPersonForm months={months} add={addPersonAction.bind(null, report.id)} />
        <div className="grid content-start gap-4">
          <PrefillButton prefill={prefillAction.bind(null, report.id)} />
        </div>
      </div>
      <div className="mb-8">
        <ImportPanel
          months={months}
          templateHref={`/reports/${report.id}/import-template`}
          maxMb={MAX_FILE_BYTES / 1024 / 1024}
          importFile={importPersonsAction.bind(null, report.id)}
          checkRows={checkRowsAction.bind(null, report.id)}
          startImport={startImportAction.bind(null, report.id)}
          latestJob={latestJob && toJobAnswer(latestJob, locale)}
        />
      </div>
      <PersonsTotals
        months={months}
        totals={list.months}
        quarterIncomeQepik={list.quarterIncomeQepik}
        persons={list.persons}
        money={money}
      />
      <PersonsFilter action={base} filters={filters} />
      <p className="mb-2" role="status" data-testid="persons-count">
        {t('shownOf', {
          from: list.total === 0 ? 0 : (list.page - 1) * PAGE_SIZE + 1,
          to: Math.min(list.page * PAGE_SIZE, list.total),
          total: list.total,
        })}
      </p>
      {list.rows.length === 0 ? (
        <p className="mb-4 text-muted" data-testid="persons-empty">
          {list.persons === 0 ? t('noPersons') : t('noMatches')}
        </p>
      ) : (
        <div
          className="mb-4 relative overflow-x-auto"
          role="region"
          aria-label={t('personsTable')}
          tabIndex={0}
        >
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="persons-table">
            <caption className="sr-only">{t('personsTable')}</caption>
            <thead>
              <tr className="border-b-2 border-ink/70">
                <th scope="col" className="p-2">
                  {t('fin')}
                </th>
                <th scope="col" className="p-2">
                  {t('surname')}
                </th>
                <th scope="col" className="p-2">
                  {t('name')}
                </th>
                <th scope="col" className="p-2">
                  {t('patronymic')}
                </th>
                {months.map((m) => (
                  <th key={m.month} scope="col" className="p-2 text-right">
                    {m.label}
                  </th>
                ))}
                <th scope="col" className="p-2 text-right">
                  {tw('total')}
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => (
                <PersonRow
                  key={p.fin}
                  person={{
                    fin: p.fin,
                    surname: p.surname,
                    name: p.name,
                    patronymic: p.patronymic,
                    incomes: months.map((m, i) => {
                      const q = p.incomesQepik[i] ?? null;
                      return {
                        label: m.label,
                        shown: q === null ? '—' : money(q),
                        typed: amountForInput(q, locale),
                      };
                    }),
                    totalShown: money(p.incomesQepik.reduce<number>((s, q) => s + (q ?? 0), 0)),
                    detailHref: `${href({ person: p.fin })}#person-detail`,
                  }}
                  update={updatePersonAction.bind(null, report.id)}
                  remove={deletePersonAction.bind(null, report.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PersonsPager page={list.page} pages={pages} href={(page) => href({ page })} />
      <ContinueForm
        action={goNextAction.bind(null, report.id, 'F20')}
        label={tw('next')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
