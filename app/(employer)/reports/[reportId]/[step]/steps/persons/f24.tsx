import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { ConfirmDelete, SeniorityForm } from '@/components/report-wizard/lazy';
import { formatDate } from '@/lib/i18n/format-date';
import { getDb } from '@/lib/server/db';
import { listSeniority } from '@/lib/server/reports/seniority/list-seniority';
import { listSeniorityEntries } from '@/lib/server/reports/seniority/list-seniority-entries';
import { continueStepAction } from '../../actions';
import { addSeniorityAction, deleteSeniorityAction } from '../../actions-persons';
import type { StepProps } from '../step-props';

/** SPEC F24, DOMAIN.md §8: persons of the report with preferential seniority — add by FIN with the list entry and the days or from–to; delete. */
export async function StepF24({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const tw = await getTranslations('wizard');
  const { report, scope } = loaded;
  const db = await getDb();
  const [rows, entries] = await Promise.all([
    listSeniority(db, scope, { reportId: report.id }),
    listSeniorityEntries(db, scope),
  ]);
  const first = report.months[0]?.month ?? '';
  const last = report.months[2]?.month ?? '';
  const [y, m] = last.split('-').map(Number);
  const lastDay = y && m ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 31;
  const quarter = { from: `${first}-01`, to: `${last}-${String(lastDay).padStart(2, '0')}` };
  const title = (e: { titleAz: string; titleEn: string }) =>
    locale === 'en' ? e.titleEn : e.titleAz;
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f24Lead')}</p>
      <SeniorityForm
        entries={entries.map((e) => ({
          value: String(e.id),
          label: `${e.positionCode} — ${title(e)} (${e.section})`,
        }))}
        quarter={quarter}
        add={addSeniorityAction.bind(null, report.id)}
      />
      {rows.length === 0 ? (
        <p className="text-muted" data-testid="seniority-empty">
          {t('seniorityEmpty')}
        </p>
      ) : (
        <div
          className="relative overflow-x-auto"
          role="region"
          aria-label={t('seniorityTable')}
          tabIndex={0}
        >
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="seniority-table">
            <caption className="sr-only">{t('seniorityTable')}</caption>
            <thead>
              <tr className="border-b-2 border-ink/70">
                <th scope="col" className="p-2">
                  {t('fin')}
                </th>
                <th scope="col" className="p-2">
                  {t('person')}
                </th>
                <th scope="col" className="p-2">
                  {t('seniorityEntry')}
                </th>
                <th scope="col" className="p-2">
                  {t('seniorityPeriod')}
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-line" data-testid="seniority-row">
                  <th scope="row" className="p-2 font-mono font-normal">
                    {r.fin}
                  </th>
                  <td className="p-2">{`${r.surname} ${r.name}`}</td>
                  <td className="p-2">{`${r.positionCode} — ${title(r)}`}</td>
                  <td className="p-2 whitespace-nowrap">
                    {r.days !== null
                      ? t('daysCount', { days: r.days })
                      : `${formatDate(r.fromDate, locale)} – ${formatDate(r.toDate, locale)}`}
                  </td>
                  <td className="p-2">
                    <ConfirmDelete
                      what={`${r.surname} ${r.name} (${r.fin})`}
                      remove={deleteSeniorityAction.bind(null, report.id, r.id)}
                      testId="delete-seniority"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F24')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
