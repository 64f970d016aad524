import 'server-only';
import type { DbOrTx } from '@/db/types';
import { normalizeMobile } from '@/lib/domain/identifiers';
import { asanImza } from '@/lib/integrations/asan-imza';
import { now } from '@/lib/server/clock';
import { assertSimulatorsEnabled } from './enabled';

/**
 * What the simulated phone shows for one request (SPEC A3): the code to compare with the screen,
 * never the session id — the listing is public, and an id is what the waiting browser holds
 * (issue 12 §3). The phone answers by phone number and code.
 */
export type PhoneRequest = {
  code: string;
  purpose: 'LOGIN' | 'SIGN';
  service: string;
  expiresAt: Date;
};

/** The service name the Asan İmza app shows for our requests. */
export const ASAN_SERVICE_NAME = 'Vahid rüblük hesabat';

/**
 * Pending, unexpired Asan İmza requests for a phone (any spelling normalizeMobile accepts; an
 * invalid number has none). Newest first. SPEC A3, DOMAIN.md §10.
 */
export async function listPhoneRequests(db: DbOrTx, phone: string): Promise<PhoneRequest[]> {
  assertSimulatorsEnabled();
  const normalized = normalizeMobile(phone);
  if (!normalized.ok) return [];
  const pending = await asanImza(db).listPendingRequests(normalized.value, now());
  return pending.map((r) => ({
    code: r.verificationCode,
    purpose: r.purpose,
    service: ASAN_SERVICE_NAME,
    expiresAt: r.expiresAt,
  }));
}
