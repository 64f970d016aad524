import type { Tx } from '../types';

/** Later parts of the seed (identities, report history) run inside the same transaction. */
export type SeedHook = (tx: Tx) => Promise<void>;

/** Certificates and Asan İmza registrations for the demo identities (identity issue). */
export const seedIdentities: SeedHook = async () => {};
