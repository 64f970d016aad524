import 'server-only';
import type { DbOrTx } from '@/db/types';
import { simulatedPopulationRegistry } from './simulated';
import type { PopulationRegistry } from './types';

export type { PersonDocumentType, PopulationRegistry, RegistryPerson } from './types';

/**
 * The population registry the app talks to. Only the simulated adapter exists; a real adapter
 * would be chosen here (e.g. by an environment variable) without touching any caller.
 */
export function populationRegistry(db: DbOrTx): PopulationRegistry {
  return simulatedPopulationRegistry(db);
}
