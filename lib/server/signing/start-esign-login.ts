import 'server-only';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@/auth/signing';
import type { DbOrTx } from '@/db/types';
import { certificateAuthority } from '@/lib/integrations/certificate-authority';
import { now } from '@/lib/server/clock';
import type { SigningFailure } from './errors';
import { checkLimits } from './rate-limits';
import { insertSigningSession, type StartedSession } from './sessions';

/**
 * Starts an e-signature (card) login: a random 32-byte challenge the card will sign with PIN1.
 * Expired or revoked certificates are not refused here but by the card, so the holder sees the
 * device outcome (SPEC A2, DOMAIN.md §10). Bound to `browser`, the starting browser's secret.
 */
export async function startEsignLogin(
  db: DbOrTx,
  input: { certificateSerial: string; browser: string; ip?: string | null },
): Promise<({ ok: true } & StartedSession) | SigningFailure> {
  const at = now();
  const limited = await checkLimits(db, at, [['esignPerIp', input.ip]]);
  if (limited) return limited;
  const certificate = await certificateAuthority(db).findCertificateBySerial(
    input.certificateSerial,
  );
  if (!certificate || certificate.kind !== 'CARD')
    return { ok: false, code: 'CERTIFICATE_NOT_FOUND' };
  const payload = randomBytes(32).toString('base64url');
  const started = await insertSigningSession(db, {
    purpose: 'LOGIN',
    method: 'ESIGN',
    certificateSerial: certificate.serial,
    payload,
    hash: sha256Hex(payload),
    requestIp: input.ip ?? null,
    browser: input.browser,
  });
  return { ok: true, ...started };
}
