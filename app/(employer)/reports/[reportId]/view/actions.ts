'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { retryAutomaticChecks } from '@/lib/server/submissions/retry-checks';

/** "Yoxlamanı təkrarla": decides a report that was received but whose checks never finished. */
export async function retryChecksAction(formData: FormData): Promise<void> {
  const reportId = String(formData.get('reportId') ?? '');
  const scope = await requireEmployerAccess('REPORTS');
  await retryAutomaticChecks(await getDb(), scope, { reportId });
  revalidatePath(`/reports/${reportId}/view`);
  redirect(`/reports/${reportId}/view`);
}
