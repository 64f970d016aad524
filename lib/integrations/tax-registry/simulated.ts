import 'server-only';
import { eq } from 'drizzle-orm';
import { taxRegistry } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { TaxRegistry } from './types';

/** The simulated tax registry: the seeded tax_registry table. */
export function simulatedTaxRegistry(db: DbOrTx): TaxRegistry {
  return {
    async findTaxpayer(voen) {
      const rows = await db
        .select({
          voen: taxRegistry.voen,
          name: taxRegistry.name,
          taxpayerType: taxRegistry.taxpayerType,
          legalAddress: taxRegistry.legalAddress,
        })
        .from(taxRegistry)
        .where(eq(taxRegistry.voen, voen))
        .limit(1);
      return rows[0] ?? null;
    },
  };
}
