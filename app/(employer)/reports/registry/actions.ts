'use server';

import { z } from 'zod';
import { ZForm, ZId, ZLine } from '@/lib/server/action-schemas';
import { employerAction, formPost, redirectTo, revalidate } from '@/lib/server/actions';
import { auditAccessDenied } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { deleteDraft } from '@/lib/server/reports/registry/delete-draft';
import {
  parseRegistryCriteria,
  registryQuery,
} from '@/lib/server/reports/registry/registry-criteria';

/** The registry URL to come back to, rebuilt from known parameters only (never a raw redirect). */
function registryUrl(returnQuery: string, flash: string): string {
  const { values } = parseRegistryCriteria(new URLSearchParams(returnQuery.replace(/^\?/, '')));
  const query = registryQuery(values);
  return `/reports/registry${query}${query ? '&' : '?'}${flash}`;
}

/** "Sil" on a draft row, after the confirmation dialog (SPEC G1). */
export const deleteDraftAction = formPost(
  employerAction(
    'REPORTS',
    z.tuple([ZForm({ reportId: ZId, returnQuery: ZLine(2000).default('') })]),
    async (scope, { reportId, returnQuery }) => {
      try {
        await deleteDraft(await getDb(), scope, { reportId });
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.code === 'REPORT_NOT_DRAFT')
          return redirectTo(registryUrl(returnQuery, 'deleteError=NOT_DRAFT'));
        if (error.code !== 'NOT_FOUND') throw error;
        // A row another tab already deleted answers NOT_FOUND as well as another employer's id,
        // so the registry says so rather than a 404; the probe is audited all the same.
        await auditAccessDenied(await getDb(), scope, scope.employerId, {
          action: 'deleteDraftAction',
          service: 'REPORTS',
          reason: 'NOT_IN_SCOPE',
          reportId,
        });
        return redirectTo(registryUrl(returnQuery, 'deleteError=NOT_FOUND'));
      }
      revalidate('/reports', '/reports/registry');
      return redirectTo(registryUrl(returnQuery, 'deleted=1'));
    },
    { name: 'deleteDraftAction' },
  ),
);
