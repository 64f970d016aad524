import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SelectField } from '@/components/ui/select-field';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { IdentifierField } from '@/components/ui/identifier-field';
import { statusWordKey } from '@/lib/i18n/status-words';
import type { ActivityCodeOption } from '@/lib/server/reports/list-activity-codes';
import {
  REGISTRY_PARAMS,
  REGISTRY_STATUSES,
  REGISTRY_TYPES,
  type RegistryField,
  type RegistryValues,
} from '@/lib/server/reports/registry/registry-criteria';

type Props = {
  values: RegistryValues;
  /** The message at each field that did not parse. */
  fieldErrors: Partial<Record<RegistryField, string>>;
  activityCodes: ActivityCodeOption[];
  locale: 'az' | 'en';
};

const ADVANCED: readonly RegistryField[] = [
  'reportType',
  'activityCode',
  'dateFrom',
  'dateTo',
  'amountMin',
  'amountMax',
  'receiptNumber',
];

/** The field's element id, also the error summary's link target. */
export function fieldId(field: RegistryField): string {
  return `registry-${REGISTRY_PARAMS[field]}`;
}

/**
 * "Axtar" (SPEC G1): year, quarter and status, and "Ətraflı axtarış" for the rest. A GET form:
 * the criteria are the URL, so it works without JavaScript and results can be bookmarked.
 */
export async function SearchPanel({ values, fieldErrors, activityCodes, locale }: Props) {
  const t = await getTranslations('registry');
  const tw = await getTranslations('reportStatus');
  const field = (name: RegistryField) => ({
    id: fieldId(name),
    name: REGISTRY_PARAMS[name],
    defaultValue: values[name] ?? '',
    error: fieldErrors[name],
  });
  const openAdvanced = ADVANCED.some(
    (f) => values[f] !== undefined || fieldErrors[f] !== undefined,
  );
  return (
    <section
      aria-labelledby="registry-search"
      className="mt-6 rounded-lg bg-surface p-4 shadow-sm sm:p-6"
    >
      <h2 id="registry-search" className="text-lg font-semibold">
        {t('searchTitle')}
      </h2>
      <form
        method="get"
        action="/reports/registry"
        className="mt-4"
        role="search"
        aria-labelledby="registry-search"
      >
        {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
        {values.dir ? <input type="hidden" name="dir" value={values.dir} /> : null}
        <div className="grid gap-x-6 sm:grid-cols-3">
          <Field
            {...field('year')}
            label={t('year')}
            inputMode="numeric"
            autoComplete="off"
            className="max-w-[10rem]"
          />
          <SelectField
            {...field('quarter')}
            label={t('quarter')}
            emptyLabel={t('any')}
            options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('quarterN', { n }) }))}
          />
          <SelectField
            {...field('status')}
            label={t('status')}
            emptyLabel={t('any')}
            options={REGISTRY_STATUSES.map((s) => ({
              value: s,
              label: tw(statusWordKey(s) ?? 'DRAFT'),
            }))}
          />
        </div>
        <details open={openAdvanced} className="mt-2 rounded-md border-2 border-line p-3">
          <summary className="cursor-pointer font-semibold">{t('advanced')}</summary>
          <div className="mt-4 grid gap-x-6 sm:grid-cols-2">
            <SelectField
              {...field('reportType')}
              label={t('reportType')}
              emptyLabel={t('any')}
              options={REGISTRY_TYPES.map((type) => ({ value: type, label: t(`type${type}`) }))}
            />
            <SelectField
              {...field('activityCode')}
              label={t('activityCode')}
              emptyLabel={t('any')}
              options={activityCodes.map((c) => ({
                value: c.code,
                label: `${c.code} — ${locale === 'en' ? c.nameEn : c.nameAz}`,
              }))}
            />
            <Field {...field('dateFrom')} type="date" label={t('dateFrom')} hint={t('dateHint')} />
            <Field {...field('dateTo')} type="date" label={t('dateTo')} hint={t('dateHint')} />
            <Field
              {...field('amountMin')}
              label={t('amountMin')}
              hint={t('amountHint')}
              inputMode="decimal"
              autoComplete="off"
            />
            <Field
              {...field('amountMax')}
              label={t('amountMax')}
              hint={t('amountHint')}
              inputMode="decimal"
              autoComplete="off"
            />
            <IdentifierField
              {...field('receiptNumber')}
              kind="receipt"
              label={t('receiptNumber')}
            />
          </div>
        </details>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit" data-testid="registry-search-submit">
            {t('search')}
          </Button>
          <Link href="/reports/registry">{t('clear')}</Link>
        </div>
      </form>
    </section>
  );
}
