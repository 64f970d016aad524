'use server';

import { redirect } from 'next/navigation';
import type {
  GrantFormInput,
  HolderLookupResult,
  GrantResult,
} from '@/components/authorities/types';
import type { Service } from '@/lib/server/services';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { grantAuthority } from '@/lib/server/authorities/grant-authority';
import { lookupAuthorityHolder } from '@/lib/server/authorities/lookup-authority-holder';
import { revokeAuthority } from '@/lib/server/authorities/revoke-authority';
import { getDb } from '@/lib/server/db';
import { errorMessage } from '@/lib/server/error-messages';
import { isAppError } from '@/lib/server/errors';

// Public endpoints: each calls the guard first and re-validates everything it is given.

function holderInput(input: GrantFormInput) {
  return {
    method: input.method === 'ASAN' ? ('ASAN' as const) : ('ESIGN' as const),
    cardNumber: String(input.cardNumber ?? ''),
    phone: String(input.phone ?? ''),
    fin: String(input.fin ?? ''),
  };
}

async function refusal(error: unknown): Promise<{ ok: false; field?: string; message: string }> {
  if (!isAppError(error)) throw error;
  return {
    ok: false,
    field: error.field,
    message: errorMessage(error.code, error.params, await serverLocale()),
  };
}

/** SPEC C3 "Təsdiqlə": the person behind the card or phone, from the registries. */
export async function lookupHolderAction(input: GrantFormInput): Promise<HolderLookupResult> {
  const scope = await requireEmployerAccess('AUTHORITIES');
  try {
    const holder = await lookupAuthorityHolder(await getDb(), scope, holderInput(input));
    return {
      ok: true,
      holder: {
        fullName: `${holder.person.surname} ${holder.person.name} ${holder.person.patronymic}`,
        fin: holder.person.fin,
        birthDate: holder.person.birthDate,
        deviceRef: holder.deviceRef,
        certificateNotAfter: holder.certificate.notAfter,
      },
    };
  } catch (error) {
    return refusal(error);
  }
}

/** SPEC C1–C5: saves the grant; the registry then shows it. */
export async function grantAuthorityAction(input: GrantFormInput): Promise<GrantResult> {
  const scope = await requireEmployerAccess('AUTHORITIES');
  try {
    await grantAuthority(await getDb(), scope, {
      ...holderInput(input),
      service: String(input.service) as Service,
      validFrom: input.indefinite ? undefined : String(input.validFrom ?? ''),
      validTo: input.indefinite ? undefined : String(input.validTo ?? ''),
    });
  } catch (error) {
    return refusal(error);
  }
  redirect('/authorities?granted=1');
}

/** SPEC C7: revoke from the registry row (after the confirmation dialog). */
export async function revokeAuthorityAction(formData: FormData): Promise<void> {
  const scope = await requireEmployerAccess('AUTHORITIES');
  try {
    await revokeAuthority(await getDb(), scope, {
      authorityId: String(formData.get('authorityId') ?? ''),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    redirect(`/authorities?error=${error.code}`);
  }
  redirect('/authorities?revoked=1');
}
