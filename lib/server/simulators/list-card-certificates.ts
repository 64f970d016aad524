import 'server-only';
import type { DbOrTx } from '@/db/types';
import {
  certificateAuthority,
  type CardCertificateListing,
} from '@/lib/integrations/certificate-authority';
import { assertSimulatorsEnabled } from './enabled';

/**
 * The simulated "signing program" dialog: every card certificate with its holder, by surname,
 * name, patronymic (SPEC A2). Expired and revoked ones are listed too, with their status, so the
 * holder can pick one and see the refusal.
 */
export async function listCardCertificates(db: DbOrTx): Promise<CardCertificateListing[]> {
  assertSimulatorsEnabled();
  return certificateAuthority(db).listCardCertificates();
}
