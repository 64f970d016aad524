import { getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { ProjectionForm } from '@/components/cabinet/projection-form';
import { ProjectionResult } from '@/components/cabinet/projection-result';
import { readProjectionInput } from '@/lib/cabinet/projection-input';
import { loadInScope } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { loadCodeProjection } from '@/lib/server/cabinet/projection';
import type { CabinetViewProps } from '../view-body';

/** View 13: the penalty each report charged, then "if you pay X on D" for the chosen code. */
export async function PenaltyView({ view, context, tables, locale }: CabinetViewProps) {
  const t = await getTranslations('cabinetProjection');
  const today = todayInBaku();
  const input = readProjectionInput(context.query, today);
  const code = context.code?.code ?? null;
  const valid = Object.keys(input.errors).length === 0;
  const result =
    code && valid
      ? await loadInScope(context.scope, 'cabinet:projection', (db) =>
          loadCodeProjection(db, context, {
            code,
            amountQepik: input.amountQepik,
            payOn: input.payOn,
            today,
          }),
        )
      : null;
  return (
    <>
      {(tables ?? []).map((table) => (
        <CabinetTableView key={table.id} table={table} locale={locale} />
      ))}
      <section aria-labelledby="projection-title" className="mt-8" data-testid="projection">
        <h2 id="projection-title" className="mb-1 text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('hint')}</p>
        <ProjectionForm
          action={`/cabinet/${view.slug}`}
          query={context.query}
          input={input}
          today={today}
          withAmount
          locale={locale}
        />
        {result ? <ProjectionResult projection={result.projection} locale={locale} /> : null}
      </section>
    </>
  );
}
