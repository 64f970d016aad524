import 'server-only';
import type { DbOrTx } from '@/db/types';
import { simulatedAsanImza } from './simulated';
import type { AsanImzaService } from './types';

export type { AsanImzaService, AsanPendingRequest } from './types';

/** The Asan İmza service the app talks to; a real adapter would be chosen here, callers unchanged. */
export function asanImza(db: DbOrTx): AsanImzaService {
  return simulatedAsanImza(db);
}
