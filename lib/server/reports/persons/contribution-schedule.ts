import 'server-only';
import { contributionRegimes } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { ContributionRegime, ContributionSchedule, ContributionTier } from '@/lib/domain';

/**
 * The effective-dated MDSS regimes fund staff maintain (DOMAIN.md §2), as lib/domain's
 * schedule. The domain functions validate the tiers, so a broken row surfaces as their code.
 */
export async function loadContributionSchedule(db: DbOrTx): Promise<ContributionSchedule> {
  const rows = await db.select().from(contributionRegimes);
  return rows.map((r): ContributionRegime => ({
    id: r.id,
    sector: r.sector,
    validFrom: r.validFrom,
    validTo: r.validTo,
    employee: r.employeeTiers as ContributionTier[],
    employer: r.employerTiers as ContributionTier[],
  }));
}
