import 'server-only';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@/auth/signing';
import type { DbOrTx } from '@/db/types';
import { normalizeMobile, validateAsanUserId, type IdentifierCode } from '@/lib/domain/identifiers';
import { certificateAuthority } from '@/lib/integrations/certificate-authority';
import { now } from '@/lib/server/clock';
import type { FailureDetails, SigningFailure } from './errors';
import { checkLimits } from './rate-limits';
import { insertSigningSession, type StartedSession } from './sessions';

/** A malformed phone or User ID; `reason` is the identifier code for the field message. */
export type InvalidAsanInput = {
  ok: false;
  code: 'INVALID_INPUT';
  field: 'phone' | 'userId';
  reason: IdentifierCode;
} & FailureDetails;

/**
 * Starts an Asan İmza login: phone + User ID → a request on the holder's phone (PIN1). Limited
 * per phone and per IP before the lookup, so the form cannot be used to probe registrations; an
 * unknown pair answers ASAN_NOT_FOUND without saying which half was wrong (SPEC A3, issue 4 §10).
 * `browser`: the starting browser's secret (startSigningBrowser); only it can finish the login.
 */
export async function startAsanLogin(
  db: DbOrTx,
  input: { phone: string; userId: string; browser: string; ip?: string | null },
): Promise<({ ok: true } & StartedSession) | SigningFailure | InvalidAsanInput> {
  const phone = normalizeMobile(input.phone);
  if (!phone.ok) return { ok: false, code: 'INVALID_INPUT', field: 'phone', reason: phone.code };
  const userId = validateAsanUserId(input.userId);
  if (!userId.ok) return { ok: false, code: 'INVALID_INPUT', field: 'userId', reason: userId.code };

  const at = now();
  const limited = await checkLimits(db, at, [
    ['asanPerIp', input.ip],
    ['asanPerPhone', phone.value],
  ]);
  if (limited) return limited;

  const certificate = await certificateAuthority(db).findAsanCertificate(phone.value, userId.value);
  if (!certificate) return { ok: false, code: 'ASAN_NOT_FOUND' };
  const payload = randomBytes(32).toString('base64url');
  const started = await insertSigningSession(db, {
    purpose: 'LOGIN',
    method: 'ASAN',
    certificateSerial: certificate.serial,
    payload,
    hash: sha256Hex(payload),
    requestIp: input.ip ?? null,
    browser: input.browser,
  });
  return { ok: true, ...started };
}
