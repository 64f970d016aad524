'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { AppError, isAppError } from '@/lib/server/errors';
import { deleteDraft } from '@/lib/server/reports/registry/delete-draft';
import {
  parseRegistryCriteria,
  registryQuery,
} from '@/lib/server/reports/registry/registry-criteria';

// Public endpoint: calls the guard first and re-loads the report through the scope.

/** The registry URL to come back to, rebuilt from known parameters only (never a raw redirect). */
function registryUrl(returnQuery: string, flash: string): string {
  const { values } = parseRegistryCriteria(new URLSearchParams(returnQuery.replace(/^\?/, '')));
  const query = registryQuery(values);
  return `/reports/registry${query}${query ? '&' : '?'}${flash}`;
}

/** "Sil" on a draft row, after the confirmation dialog (SPEC G1). */
export async function deleteDraftAction(formData: FormData): Promise<void> {
  const scope = await requireEmployerAccess('REPORTS');
  const returnQuery = String(formData.get('returnQuery') ?? '');
  try {
    await deleteDraft(await getDb(), scope, { reportId: String(formData.get('reportId') ?? '') });
  } catch (error) {
    if (error instanceof AppError && error.code === 'REPORT_NOT_DRAFT') {
      redirect(registryUrl(returnQuery, 'deleteError=NOT_DRAFT'));
    }
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      redirect(registryUrl(returnQuery, 'deleteError=NOT_FOUND'));
    }
    throw error;
  }
  revalidatePath('/reports');
  revalidatePath('/reports/registry');
  redirect(registryUrl(returnQuery, 'deleted=1'));
}
