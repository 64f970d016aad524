'use server';

import { redirect } from 'next/navigation';
import { unstable_update } from '@/auth';
import { requirePrincipal } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { chooseEmployer } from '@/lib/server/employers/choose-employer';
import { isAppError } from '@/lib/server/errors';

/** SPEC A4: keep the chosen employer in the session (after the guard's check). */
export async function chooseEmployerAction(formData: FormData): Promise<void> {
  const principal = await requirePrincipal();
  const employerId = String(formData.get('employerId') ?? '');
  try {
    const chosen = await chooseEmployer(await getDb(), principal, employerId);
    await unstable_update({ employerId: chosen } as never);
  } catch (error) {
    if (isAppError(error)) redirect('/employers?error=1');
    throw error;
  }
  redirect('/home');
}
