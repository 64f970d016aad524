'use server';

import { signOut } from '@/auth';

/** The header's "Çıxış" button. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
