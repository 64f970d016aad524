'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ActionRefusal } from '@/components/report-wizard/types';
import { stepById } from '@/lib/report-wizard/steps';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { createReport } from '@/lib/server/reports/create-report';
import { toUserError } from '@/lib/server/user-error';

/** SPEC F1–F3: creates the draft, or says why not (with a link to an existing İlkin report). */
export async function createReportAction(input: {
  reportType: string;
  year: number;
  quarter: number;
  activityCode: string;
}): Promise<ActionRefusal> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  let reportId: string;
  try {
    ({ reportId } = await createReport(await getDb(), scope, {
      reportType: String(input.reportType),
      year: Number(input.year),
      quarter: Number(input.quarter),
      activityCode: String(input.activityCode),
    }));
  } catch (error) {
    const refusal = toUserError(error, locale);
    const existing = refusal.params.reportId;
    return {
      ok: false,
      field: refusal.field,
      message: refusal.message,
      link:
        typeof existing === 'string'
          ? {
              href: `/reports/${existing}/${stepById('F4')?.slug ?? ''}`,
              label: (await getTranslations('wizard'))('openExisting'),
            }
          : undefined,
    };
  }
  redirect(`/reports/${reportId}/${stepById('F4')?.slug ?? ''}`);
}
