import 'server-only';
import type { DbOrTx } from '@/db/types';
import { simulatedTaxRegistry } from './simulated';
import type { TaxRegistry } from './types';

export type { Taxpayer, TaxRegistry } from './types';

/** The tax registry the app talks to; a real adapter would be chosen here, callers unchanged. */
export function taxRegistryService(db: DbOrTx): TaxRegistry {
  return simulatedTaxRegistry(db);
}
