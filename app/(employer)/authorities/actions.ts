'use server';

import { z } from 'zod';
import { ZForm, ZId } from '@/lib/server/action-schemas';
import { employerAction, formPost, redirectTo } from '@/lib/server/actions';
import { grantAuthority } from '@/lib/server/authorities/grant-authority';
import {
  grantInput,
  holderView,
  ZGrantForm,
  type HolderLookupResult,
} from '@/lib/server/authorities/grant-form';
import { lookupAuthorityHolder } from '@/lib/server/authorities/lookup-authority-holder';
import { revokeAuthority } from '@/lib/server/authorities/revoke-authority';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';

// The authorities service (SPEC C1–C7). The action client guards, parses and turns the use
// cases' coded refusals into field messages; another employer's id is a 404 and an audit row.

/** SPEC C3 "Təsdiqlə": the person behind the card or phone, from the registries. */
export const lookupHolderAction = employerAction(
  'AUTHORITIES',
  z.tuple([ZGrantForm]),
  async (scope, form): Promise<HolderLookupResult> => ({
    ok: true,
    holder: holderView(await lookupAuthorityHolder(await getDb(), scope, form)),
  }),
  { name: 'lookupHolderAction' },
);

/** SPEC C1–C5: saves the grant; the registry then shows it. */
export const grantAuthorityAction = employerAction(
  'AUTHORITIES',
  z.tuple([ZGrantForm]),
  async (scope, form) => {
    await grantAuthority(await getDb(), scope, grantInput(form));
    return redirectTo('/authorities?granted=1');
  },
  { name: 'grantAuthorityAction' },
);

/** SPEC C7: revoke from the registry row (after the confirmation dialog). */
export const revokeAuthorityAction = formPost(
  employerAction(
    'AUTHORITIES',
    z.tuple([ZForm({ authorityId: ZId })]),
    async (scope, { authorityId }) => {
      try {
        await revokeAuthority(await getDb(), scope, { authorityId });
      } catch (error) {
        // A plain form post: the registry shows the refusal. NOT_FOUND (an id outside the
        // scope) goes on to the action client: a 404 and an audit row.
        if (isAppError(error) && error.code !== 'NOT_FOUND')
          return redirectTo(`/authorities?error=${error.code}`);
        throw error;
      }
      return redirectTo('/authorities?revoked=1');
    },
    { name: 'revokeAuthorityAction' },
  ),
);
