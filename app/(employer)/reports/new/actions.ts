'use server';

import { z } from 'zod';
import { serverLocale } from '@/lib/i18n/server-locale';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { stepById } from '@/lib/report-wizard/steps';
import { ZLine } from '@/lib/server/action-schemas';
import { employerAction, redirectTo, type ActionRefusal } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { errorMessage } from '@/lib/server/error-messages';
import { isAppError } from '@/lib/server/errors';
import { createReport } from '@/lib/server/reports/create-report';

const ZNewReport = z.object({
  reportType: ZLine(20),
  year: z.number().int(),
  quarter: z.number().int(),
  activityCode: ZLine(20),
});

const firstStepHref = (reportId: string) => `/reports/${reportId}/${stepById('F4')?.slug ?? ''}`;

/** SPEC F1–F3: creates the draft, or says why not (with a link to an existing İlkin report). */
export const createReportAction = employerAction(
  'REPORTS',
  z.tuple([ZNewReport]),
  async (scope, input) => {
    try {
      const { reportId } = await createReport(await getDb(), scope, input);
      return redirectTo(firstStepHref(reportId));
    } catch (error) {
      if (!isAppError(error) || error.code !== 'REPORT_EXISTS') throw error;
      const existing = error.params.reportId;
      if (typeof existing !== 'string' || existing === '') throw error;
      // The one refusal with a way on: the report that already exists for the quarter.
      const refusal: ActionRefusal = {
        ok: false,
        code: 'REPORT_EXISTS',
        message: errorMessage('REPORT_EXISTS', error.params, await serverLocale()),
        link: {
          href: firstStepHref(existing),
          label: (await serverTranslations('wizard'))('openExisting'),
        },
      };
      return refusal;
    }
  },
  { name: 'createReport' },
);
