import { getTranslations } from 'next-intl/server';
import type { ProjectionInput } from '@/lib/cabinet/projection-input';
import type { CabinetQuery } from '@/lib/cabinet/query';
import { formatDate } from '@/lib/i18n/format-date';

const control =
  'mt-1 block min-h-11 w-full rounded-md border-2 border-line bg-surface px-2 py-1 sm:w-auto';

/**
 * The "if you pay X on D" form (issue 13 §10): a GET form, so the question is in the URL and
 * works without JavaScript; the view's code, period and sub-employer travel as hidden fields.
 * Field errors sit under their field and are named by it (aria-describedby).
 */
export async function ProjectionForm({
  action,
  query,
  input,
  today,
  withAmount,
  locale,
}: {
  action: string;
  query: CabinetQuery;
  input: ProjectionInput;
  today: string;
  withAmount: boolean;
  locale: 'az' | 'en';
}) {
  const t = await getTranslations('cabinetProjection');
  const max = formatDate(input.maxDate, locale);
  const kept: [string, string | number | null][] = [
    ['code', query.code],
    ['year', query.period.year],
    ['quarter', query.period.quarter],
    ['month', query.period.month],
    ['asOf', query.asOfGiven ? query.asOf : null],
    ['sub', query.sub],
  ];
  const amountError = input.errors.payX;
  const dateError = input.errors.payOn;
  return (
    <form
      method="get"
      action={action}
      aria-label={t('title')}
      className="mb-4 flex flex-wrap items-start gap-3 rounded-lg border border-line p-3 print:hidden"
      data-testid="projection-form"
      noValidate
    >
      {kept.map(([name, value]) =>
        value === null ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      {withAmount ? (
        <div>
          <label htmlFor="payX" className="text-sm font-semibold">
            {t('amount')}
          </label>
          <input
            id="payX"
            name="payX"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={input.typed.payX}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={amountError ? 'payX-help payX-error' : 'payX-help'}
            className={control}
          />
          <p id="payX-help" className="mt-1 text-sm text-muted">
            {t('amountHelp')}
          </p>
          {amountError ? (
            <p
              id="payX-error"
              className="mt-1 text-sm font-semibold text-danger"
              data-testid="payX-error"
            >
              {t(`error_${amountError}`, { max })}
            </p>
          ) : null}
        </div>
      ) : null}
      <div>
        <label htmlFor="payOn" className="text-sm font-semibold">
          {t('payOn')}
        </label>
        <input
          id="payOn"
          name="payOn"
          type="date"
          min={today}
          max={input.maxDate}
          defaultValue={dateError ? input.typed.payOn : input.payOn}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? 'payOn-help payOn-error' : 'payOn-help'}
          className={control}
        />
        <p id="payOn-help" className="mt-1 text-sm text-muted">
          {t('payOnHelp', { max })}
        </p>
        {dateError ? (
          <p
            id="payOn-error"
            className="mt-1 text-sm font-semibold text-danger"
            data-testid="payOn-error"
          >
            {t(`error_${dateError}`, { max })}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
      >
        {t('show')}
      </button>
    </form>
  );
}
