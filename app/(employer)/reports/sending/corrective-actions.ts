'use server';

import { redirect } from 'next/navigation';
import type { CorrectiveResult } from '@/components/sending/types';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { createCorrectiveReport } from '@/lib/server/submissions/create-corrective-report';
import { toUserError } from '@/lib/server/user-error';
import { revalidateRegistry, str } from './views';

// "GÖNDƏR" with a signature (issue 6 §3–§5, §11). Every export is a public endpoint: each calls
// the guard first, passes the scope on, and trusts nothing it is given (ids are re-scoped by the
// use cases). Results are plain objects with the texts already in the user's language.

/** "Dəqiqləşdirilmiş" (issue 6 §11): a corrective draft copied from the accepted report. */
export async function createCorrectiveAction(reportId: string): Promise<CorrectiveResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  let created: { reportId: string };
  try {
    // The use case re-loads the id through the scope: another employer's id answers NOT_FOUND.
    created = await createCorrectiveReport(await getDb(), scope, { reportId: str(reportId) });
  } catch (error) {
    const user = toUserError(error, locale);
    const open = typeof user.params.reportId === 'string' ? user.params.reportId : null;
    return {
      ok: false,
      message: user.message,
      openHref: open ? `/reports/${open}/check-answers` : null,
    };
  }
  revalidateRegistry();
  redirect(`/reports/${created.reportId}/check-answers`);
}
