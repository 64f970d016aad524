'use server';

import { z } from 'zod';
import { serverLocale } from '@/lib/i18n/server-locale';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { ZId } from '@/lib/server/action-schemas';
import { employerAction, redirectTo, revalidate, type RedirectTo } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { errorMessage } from '@/lib/server/error-messages';
import { isAppError } from '@/lib/server/errors';
import { createCorrectiveReport } from '@/lib/server/submissions/create-corrective-report';
import type { CorrectiveResult } from '@/lib/server/submissions/sending-views';

/** "Dəqiqləşdirilmiş" (issue 6 §11): a corrective draft copied from the accepted report. */
export const createCorrectiveAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId): Promise<CorrectiveResult | RedirectTo> => {
    let created: { reportId: string };
    try {
      // The use case re-loads the id through the scope: another employer's id answers NOT_FOUND.
      created = await createCorrectiveReport(await getDb(), scope, { reportId });
    } catch (error) {
      // The one refusal that points somewhere: the corrective draft already open. Every other
      // refusal is the action client's to put into words.
      const open = isAppError(error) && error.code === 'CORRECTIVE_EXISTS' ? error.params : null;
      if (typeof open?.reportId !== 'string') throw error;
      const t = await serverTranslations('sending');
      return {
        ok: false,
        code: 'CORRECTIVE_EXISTS',
        message: errorMessage('CORRECTIVE_EXISTS', open, await serverLocale()),
        link: { href: `/reports/${open.reportId}/check-answers`, label: t('openCorrective') },
      };
    }
    revalidate('/reports', '/reports/registry');
    return redirectTo(`/reports/${created.reportId}/check-answers`);
  },
  { name: 'createCorrectiveAction' },
);
