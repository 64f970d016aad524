import 'server-only';
import { cache } from 'react';
import type { Principal } from '@/lib/server/principal';
import { auth } from './index';

/** The signed-in person from the Auth.js session, once per request; null when signed out. */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await auth();
  const identity = (session as unknown as { identity?: Principal } | null)?.identity;
  if (!identity?.fin || !identity.certificateSerial) return null;
  return {
    fin: identity.fin,
    surname: identity.surname,
    name: identity.name,
    patronymic: identity.patronymic,
    certificateSerial: identity.certificateSerial,
    method: identity.method,
    employerId: identity.employerId ?? null,
  };
});
