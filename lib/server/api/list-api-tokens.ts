import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { apiTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdByFin: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The employer's API tokens, newest first, without their hashes (issue 5 §9). */
export async function listApiTokens(db: DbOrTx, scope: EmployerScope): Promise<ApiTokenView[]> {
  assertScopeService(scope, 'REPORTS');
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      createdByFin: apiTokens.createdByFin,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.employerId, scope.employerId))
    .orderBy(desc(apiTokens.createdAt));
}
