import 'server-only';
import type { DbOrTx } from '@/db/types';
import { simulatedCertificateAuthority } from './simulated';
import type { CertificateAuthority } from './types';

export type {
  CardCertificateListing,
  Certificate,
  CertificateAuthority,
  CertificateKind,
  CertificateStatus,
} from './types';

/**
 * The certificate authority the app talks to. Only the simulated adapter exists; a real one would
 * be chosen here without touching callers. The simulators use `simulatedDevices` from
 * ./simulated directly, since only a simulated card has a readable private key.
 */
export function certificateAuthority(db: DbOrTx): CertificateAuthority {
  return simulatedCertificateAuthority(db);
}
