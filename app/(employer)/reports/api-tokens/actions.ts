'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { CreateTokenState } from '@/components/api-tokens/types';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { apiText } from '@/lib/server/api/api-messages';
import { ApiError } from '@/lib/server/api/api-response';
import { createApiToken } from '@/lib/server/api/create-api-token';
import { revokeApiToken } from '@/lib/server/api/revoke-api-token';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';

// Public endpoints: each calls the guard first; the use cases allow the responsible person only.

const PAGE = '/reports/api-tokens';

/** Issue 5 §9: creates a token and hands it back this once (never stored in clear). */
export async function createApiTokenAction(
  _state: CreateTokenState,
  formData: FormData,
): Promise<CreateTokenState> {
  const scope = await requireEmployerAccess('REPORTS');
  const name = String(formData.get('name') ?? '');
  try {
    const created = await createApiToken(await getDb(), scope, { name });
    revalidatePath(PAGE);
    return { status: 'created', name: created.name, token: created.token };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return {
      status: 'refused',
      name,
      message: apiText(error.code, error.params)[await serverLocale()],
    };
  }
}

/** Issue 5 §9: revokes one token after the confirmation dialog. */
export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const scope = await requireEmployerAccess('REPORTS');
  try {
    await revokeApiToken(await getDb(), scope, { tokenId: String(formData.get('tokenId') ?? '') });
  } catch (error) {
    if (!(error instanceof ApiError) && !isAppError(error)) throw error;
    redirect(`${PAGE}?error=${error.code}`);
  }
  redirect(`${PAGE}?revoked=1`);
}
