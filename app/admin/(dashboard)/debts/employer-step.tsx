import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { loadInStaffScope, type StaffScope } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { employerWithCodes, listBodyEmployers } from '@/lib/server/staff/debts/list-debt-actions';

type Employer = Awaited<ReturnType<typeof employerWithCodes>>;

/**
 * The first step of the fine and write-off forms: the employer, chosen among the body's (a plain
 * GET form, so it works without JavaScript); then the form for it. An employer outside the body
 * in the address is a 404, audited.
 */
export async function EmployerStep({
  staff,
  path,
  employerParam,
  title,
  children,
}: {
  staff: StaffScope;
  path: string;
  employerParam: string | undefined;
  title: string;
  children: (employer: Employer, locale: 'az' | 'en') => ReactNode;
}) {
  const t = await getTranslations('staffDebts');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const employer = employerParam
    ? await loadInStaffScope(staff, 'debtsEmployerStep', (db) =>
        employerWithCodes(db, staff, employerParam),
      )
    : null;
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href="/admin/debts">{t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      {employer ? (
        <>
          <p className="mt-4" data-testid="debts-employer">
            <span className="font-semibold">{t('employer')}:</span> {employer.name}{' '}
            <Link href={path} className="ml-2 text-sm">
              {t('changeEmployer')}
            </Link>
          </p>
          <div className="mt-4">{children(employer, locale)}</div>
        </>
      ) : (
        <form method="get" action={path} className="mt-4" data-testid="debts-employer-form">
          <SelectField
            id="debts-employer"
            name="employer"
            label={t('chooseEmployer')}
            emptyLabel={t('select')}
            options={(await listBodyEmployers(await getDb(), staff)).map((e) => ({
              value: e.id,
              label: `${e.name} (${e.voen})`,
            }))}
            required
          />
          <Button type="submit" data-testid="debts-employer-next">
            {t('next')}
          </Button>
        </form>
      )}
    </div>
  );
}
