'use server';

import { z } from 'zod';
import { serverLocale } from '@/lib/i18n/server-locale';
import { ZForm, ZId, ZLine } from '@/lib/server/action-schemas';
import { employerAction, formPost, redirectTo, revalidate } from '@/lib/server/actions';
import { apiText } from '@/lib/server/api/api-messages';
import { ApiError } from '@/lib/server/api/api-response';
import { createApiToken, type CreateTokenState } from '@/lib/server/api/create-api-token';
import { revokeApiToken } from '@/lib/server/api/revoke-api-token';
import { getDb } from '@/lib/server/db';

// Issue 5 §9: the payroll-API tokens. The use cases allow the responsible person only and
// refuse in the API's own codes (ApiError, with the API's texts), which these actions show.

const PAGE = '/reports/api-tokens';

/** Creates a token and hands it back this once (never stored in clear). */
export const createApiTokenAction = employerAction(
  'REPORTS',
  // useActionState hands the previous state first. The name's length is the use case's to
  // refuse (TOKEN_NAME_TOO_LONG); the schema only bounds it.
  z.tuple([z.unknown(), ZForm({ name: ZLine(1000) })]),
  async (scope, _state, { name }): Promise<CreateTokenState> => {
    try {
      const created = await createApiToken(await getDb(), scope, { name });
      revalidate(PAGE);
      return { ok: true, name: created.name, token: created.token };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { ok: false, name, message: apiText(error.code, error.params)[await serverLocale()] };
    }
  },
  { name: 'createApiTokenAction' },
);

/** Revokes one token after the confirmation dialog. */
export const revokeApiTokenAction = formPost(
  employerAction(
    'REPORTS',
    z.tuple([ZForm({ tokenId: ZId })]),
    async (scope, { tokenId }) => {
      try {
        await revokeApiToken(await getDb(), scope, { tokenId });
      } catch (error) {
        // A plain form post: the page shows the API's refusal. NOT_FOUND (an id outside the
        // scope, an AppError) goes on to the action client: a 404 and an audit row.
        if (error instanceof ApiError) return redirectTo(`${PAGE}?error=${error.code}`);
        throw error;
      }
      return redirectTo(`${PAGE}?revoked=1`);
    },
    { name: 'revokeApiTokenAction' },
  ),
);
