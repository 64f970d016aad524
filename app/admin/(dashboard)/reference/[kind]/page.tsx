import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DuePreview } from '@/components/staff/reference/due-preview';
import {
  ReferenceForm,
  type ReferenceFieldSpec,
} from '@/components/staff/reference/reference-form';
import { Pagination } from '@/components/registry/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount } from '@/lib/domain/money-format';
import { romanQuarter } from '@/lib/domain/staff/reference-change-rules';
import { formatDate } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import {
  listCodes,
  listHolidays,
  listPenaltyParameters,
  listRegimes,
  nextDueDates,
  type Paged,
} from '@/lib/server/staff/reference/list-reference';
import {
  isCodeKind,
  isReferenceKind,
  REGIME_TIER_COUNT,
  type CodeKind,
} from '@/lib/server/staff/reference/reference-kinds';
import {
  addHolidayAction,
  addPenaltyAction,
  addReferenceCodeAction,
  addRegimeAction,
  endReferenceCodeAction,
  removeHolidayAction,
} from '../actions';

type Props = {
  params: Promise<{ kind: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props) {
  const { kind } = await params;
  const t = await getTranslations('staffReference');
  return { title: isReferenceKind(kind) ? t(`kind.${kind}`) : t('title') };
}

/** One kind of reference data (issue 14 §11): its list and its add/change forms. */
export default async function ReferenceKindPage({ params, searchParams }: Props) {
  const staff = await requireStaff('ADMIN');
  const { kind } = await params;
  if (!isReferenceKind(kind)) notFound();
  const sp = await searchParams;
  const page = Number(one(sp.page) ?? '1');
  const done = one(sp.done);
  const t = await getTranslations('staffReference');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const db = await getDb();
  const common = {
    errorSummaryTitle: t('errorSummary'),
    emptyChoice: t('choose'),
  };
  const dateHint = t('dateHint');
  const commentField: ReferenceFieldSpec = {
    name: 'comment',
    label: t('field.comment'),
    hint: t('field.commentHint'),
    type: 'textarea',
  };
  const sectorOptions = (['NON_OIL_NON_STATE', 'STATE_OR_OIL'] as const).map((s) => ({
    value: s,
    label: t(`sector.${s}`),
  }));
  const hrefOf = (p: number) => `/admin/reference/${kind}?page=${p}`;
  const pager = (data: Paged<unknown>) => (
    <Pagination
      page={data.page}
      pageCount={data.pageCount}
      previousHref={data.page > 1 ? hrefOf(data.page - 1) : null}
      nextHref={data.page < data.pageCount ? hrefOf(data.page + 1) : null}
    />
  );
  const validity = (from: string | null, to: string | null) => (
    <>
      <td className="px-2 py-1">{from ? formatDate(from) : t('fromStart')}</td>
      <td className="px-2 py-1">{to ? formatDate(to) : t('open')}</td>
    </>
  );

  let body: React.ReactNode;
  if (kind === 'holidays') {
    const [data, due] = await Promise.all([listHolidays(db, staff, { page }), nextDueDates(db)]);
    const cancelDay = one(sp.cancel);
    body = (
      <>
        <DuePreview
          title={t('due.title')}
          report={t('due.report', {
            year: due.report.period.year,
            quarter: romanQuarter(due.report.period.quarter),
          })}
          reportDate={formatDate(due.report.dueDate)}
          reportIso={due.report.dueDate}
          contribution={t('due.contribution', { month: due.contribution.month })}
          contributionDate={formatDate(due.contribution.dueDate)}
        />
        <ScrollTable
          label={t('holidays.list')}
          className="mt-6 mb-2"
          testId="holidays-table"
          columns={[
            { label: t('col.day') },
            { label: t('col.name') },
            { label: t('col.status') },
            { label: t('col.actions'), srOnly: true },
          ]}
        >
          {data.rows.map((r) => (
            <tr key={r.day} className="border-t border-ink/20" data-day={r.day}>
              <td className="px-2 py-1">{formatDate(r.day)}</td>
              <td className="px-2 py-1">{locale === 'en' ? r.nameEn : r.nameAz}</td>
              <td className="px-2 py-1">
                {r.cancelled ? t('holidays.cancelled') : t('holidays.inForce')}
              </td>
              <td className="px-2 py-1">
                {r.removable ? (
                  <Link
                    href={`/admin/reference/holidays?cancel=${r.day}#remove-holiday-title`}
                    aria-label={t('holidays.removeOne', { day: formatDate(r.day) })}
                  >
                    {t('holidays.remove')}
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
        {pager(data)}
        <ReferenceForm
          {...common}
          action={addHolidayAction}
          idPrefix="add-holiday"
          title={t('holidays.addTitle')}
          submitLabel={t('holidays.addSubmit')}
          fields={[
            { name: 'day', label: t('field.day'), hint: dateHint, type: 'date' },
            { name: 'nameAz', label: t('field.nameAz') },
            { name: 'nameEn', label: t('field.nameEn') },
            commentField,
          ]}
        />
        <ReferenceForm
          {...common}
          action={removeHolidayAction}
          idPrefix="remove-holiday"
          title={t('holidays.removeTitle')}
          submitLabel={t('holidays.removeSubmit')}
          variant="danger"
          fields={[
            {
              name: 'day',
              label: t('field.day'),
              hint: dateHint,
              type: 'date',
              ...(cancelDay && /^\d{4}-\d{2}-\d{2}$/.test(cancelDay)
                ? { defaultValue: cancelDay }
                : {}),
            },
            commentField,
          ]}
        />
      </>
    );
  } else if (kind === 'regimes') {
    const rows = await listRegimes(db, staff);
    const tiers = (list: { fromQepik: number; percent: string }[]) =>
      list
        .map((x) =>
          t('regimes.tier', { percent: x.percent, from: formatAmount(x.fromQepik, locale) }),
        )
        .join('; ');
    const tierFields = (side: 'employee' | 'employer'): ReferenceFieldSpec[] =>
      Array.from({ length: REGIME_TIER_COUNT }, (_, i) => i + 1).flatMap((i) => [
        ...(i > 1
          ? [
              {
                name: `${side}From${i}`,
                label: t('field.tierFrom', { side: t(`side.${side}`), n: i }),
                hint: t('field.tierFromHint'),
                inputMode: 'decimal' as const,
              },
            ]
          : []),
        {
          name: `${side}Rate${i}`,
          label: t('field.tierRate', { side: t(`side.${side}`), n: i }),
          hint: i === 1 ? t('field.tierRateFirstHint') : t('field.rateHint'),
          inputMode: 'decimal' as const,
        },
      ]);
    body = (
      <>
        <ScrollTable
          label={t('regimes.list')}
          className="mt-6 mb-2"
          minWidth="min-w-[56rem]"
          testId="regimes-table"
          columns={[
            { label: t('col.sector') },
            { label: t('col.validFrom') },
            { label: t('col.validTo') },
            { label: t('col.employee') },
            { label: t('col.employer') },
          ]}
        >
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-ink/20">
              <td className="px-2 py-1">{t(`sector.${r.sector as 'STATE_OR_OIL'}`)}</td>
              {validity(r.validFrom, r.validTo)}
              <td className="px-2 py-1">{tiers(r.employee)}</td>
              <td className="px-2 py-1">{tiers(r.employer)}</td>
            </tr>
          ))}
        </ScrollTable>
        <ReferenceForm
          {...common}
          action={addRegimeAction}
          idPrefix="add-regime"
          title={t('regimes.addTitle')}
          submitLabel={t('regimes.addSubmit')}
          fields={[
            { name: 'sector', label: t('field.sector'), type: 'select', options: sectorOptions },
            {
              name: 'validFrom',
              label: t('field.validFrom'),
              hint: t('regimes.validFromHint'),
              type: 'date',
            },
            ...tierFields('employee'),
            ...tierFields('employer'),
            commentField,
          ]}
        />
      </>
    );
  } else if (kind === 'penalty') {
    const rows = await listPenaltyParameters(db, staff);
    body = (
      <>
        <ScrollTable
          label={t('penalty.list')}
          className="mt-6 mb-2"
          testId="penalty-table"
          columns={[
            { label: t('col.effectiveFrom') },
            { label: t('col.dailyRate') },
            { label: t('col.capDays') },
            { label: t('col.lateFilingRate') },
          ]}
        >
          {rows.map((r) => (
            <tr key={r.effectiveFrom} className="border-t border-ink/20">
              <td className="px-2 py-1">{formatDate(r.effectiveFrom)}</td>
              <td className="px-2 py-1">{r.dailyPercent} %</td>
              <td className="px-2 py-1">{r.capDays}</td>
              <td className="px-2 py-1">{r.lateFilingPercent} %</td>
            </tr>
          ))}
        </ScrollTable>
        <ReferenceForm
          {...common}
          action={addPenaltyAction}
          idPrefix="add-penalty"
          title={t('penalty.addTitle')}
          submitLabel={t('penalty.addSubmit')}
          fields={[
            { name: 'validFrom', label: t('field.validFrom'), hint: dateHint, type: 'date' },
            {
              name: 'dailyRate',
              label: t('field.dailyRate'),
              hint: t('field.rateHint'),
              inputMode: 'decimal',
            },
            {
              name: 'capDays',
              label: t('field.capDays'),
              hint: t('field.capDaysHint'),
              inputMode: 'numeric',
            },
            {
              name: 'lateFilingRate',
              label: t('field.lateFilingRate'),
              hint: t('field.rateHint'),
              inputMode: 'decimal',
            },
            commentField,
          ]}
        />
      </>
    );
  } else if (isCodeKind(kind)) {
    body = await codesBody(kind, {
      staff,
      db,
      page,
      t,
      locale,
      common,
      commentField,
      dateHint,
      sectorOptions,
      pager,
      validity,
    });
  }

  return (
    <div>
      <p>
        <Link href="/admin/reference">← {t('title')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t(`kind.${kind}`)}</h1>
      <p className="mt-2 max-w-3xl">{t(`about.${kind}`)}</p>
      {done === 'added' || done === 'removed' || done === 'ended' ? (
        <p role="status" className="mt-4 rounded-md bg-success-50 p-3" data-testid="reference-done">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {body}
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<'staffReference'>>>;

async function codesBody(
  kind: CodeKind,
  ctx: {
    staff: Awaited<ReturnType<typeof requireStaff>>;
    db: Awaited<ReturnType<typeof getDb>>;
    page: number;
    t: Translate;
    locale: 'az' | 'en';
    common: { errorSummaryTitle: string; emptyChoice: string };
    commentField: ReferenceFieldSpec;
    dateHint: string;
    sectorOptions: { value: string; label: string }[];
    pager: (data: Paged<unknown>) => React.ReactNode;
    validity: (from: string | null, to: string | null) => React.ReactNode;
  },
) {
  const { t, common, commentField, dateHint } = ctx;
  const data = await listCodes(ctx.db, ctx.staff, kind, { page: ctx.page });
  const extraColumns: Record<CodeKind, string[]> = {
    'activity-codes': [t('col.sector'), t('col.employerClassCode'), t('col.employeeClassCode')],
    'economic-codes': [t('col.side'), t('col.pairCode')],
    'non-liable-reasons': [t('col.sortOrder')],
    seniority: [t('col.section')],
  };
  const extraText = (value: string, i: number) => {
    if (kind === 'activity-codes' && i === 0) return t(`sector.${value as 'STATE_OR_OIL'}`);
    if (kind === 'economic-codes' && i === 0)
      return t(`classSide.${value as 'EMPLOYER' | 'EMPLOYEE'}`);
    return value;
  };
  const kindFields: Record<CodeKind, ReferenceFieldSpec[]> = {
    'activity-codes': [
      { name: 'sector', label: t('field.sector'), type: 'select', options: ctx.sectorOptions },
      { name: 'employerClassCode', label: t('field.employerClassCode'), inputMode: 'numeric' },
      { name: 'employeeClassCode', label: t('field.employeeClassCode'), inputMode: 'numeric' },
    ],
    'economic-codes': [
      {
        name: 'side',
        label: t('field.side'),
        type: 'select',
        options: (['EMPLOYER', 'EMPLOYEE'] as const).map((s) => ({
          value: s,
          label: t(`classSide.${s}`),
        })),
      },
      { name: 'pairCode', label: t('field.pairCode'), inputMode: 'numeric' },
    ],
    'non-liable-reasons': [
      { name: 'sortOrder', label: t('field.sortOrder'), inputMode: 'numeric' },
    ],
    seniority: [{ name: 'section', label: t('field.section') }],
  };
  return (
    <>
      <ScrollTable
        label={t('codes.list', { kind: t(`kind.${kind}`) })}
        className="mt-6 mb-2"
        minWidth="min-w-[56rem]"
        testId="codes-table"
        columns={[
          { label: t('col.code') },
          { label: t('col.name') },
          ...extraColumns[kind].map((label) => ({ label })),
          { label: t('col.validFrom') },
          { label: t('col.validTo') },
        ]}
      >
        {data.rows.map((r) => (
          <tr key={r.code} className="border-t border-ink/20">
            <td className="px-2 py-1 font-mono">{r.code}</td>
            <td className="px-2 py-1">{ctx.locale === 'en' ? r.nameEn : r.nameAz}</td>
            {r.extra.map((x, i) => (
              <td key={i} className="px-2 py-1">
                {extraText(x, i)}
              </td>
            ))}
            {ctx.validity(r.validFrom, r.validTo)}
          </tr>
        ))}
      </ScrollTable>
      {ctx.pager(data)}
      <ReferenceForm
        {...common}
        action={addReferenceCodeAction}
        idPrefix="add-code"
        title={t('codes.addTitle')}
        submitLabel={t('codes.addSubmit')}
        hidden={{ kind }}
        fields={[
          { name: 'code', label: t('field.code'), hint: t(`codeHint.${kind}`) },
          { name: 'nameAz', label: t('field.nameAz') },
          { name: 'nameEn', label: t('field.nameEn') },
          ...kindFields[kind],
          { name: 'validFrom', label: t('field.validFrom'), hint: dateHint, type: 'date' },
          commentField,
        ]}
      />
      <ReferenceForm
        {...common}
        action={endReferenceCodeAction}
        idPrefix="end-code"
        title={t('codes.endTitle')}
        submitLabel={t('codes.endSubmit')}
        variant="danger"
        hidden={{ kind }}
        fields={[
          { name: 'code', label: t('field.code'), hint: t(`codeHint.${kind}`) },
          {
            name: 'endFrom',
            label: t('field.endFrom'),
            hint: t('field.endFromHint'),
            type: 'date',
          },
          commentField,
        ]}
      />
    </>
  );
}
