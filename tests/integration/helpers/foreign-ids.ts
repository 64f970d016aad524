import { seedEmployer } from '@/db/seed/employers';
import type { DbOrTx } from '@/db/types';
import { createApiToken } from '@/lib/server/api/create-api-token';
import { insertSubmission, markSent, sampleDocument } from '../registry/registry-fixtures';
import { insertAuthority } from './identity-fixtures';
import { insertDraftReport, reportsScope } from './report-fixtures';

/** Ids of Kür's rows, for probing another employer's data as Xəzər (seeded database). */
export type KurIds = {
  employerId: string;
  draftId: string;
  acceptedId: string;
  submissionId: string;
  authorityId: string;
  tokenId: string;
};

export async function insertKurIds(db: DbOrTx): Promise<KurIds> {
  const kur = seedEmployer('kur');
  const draftId = await insertDraftReport(db, { employerKey: 'kur', activityCode: '41.20' });
  const acceptedId = await insertDraftReport(db, {
    employerKey: 'kur',
    activityCode: '41.20',
    quarter: 2,
  });
  const submissionId = await insertSubmission(db, acceptedId, {
    employerKey: 'kur',
    receiptNumber: 'KUR-1',
    receivedAt: new Date('2025-07-10T08:00:00Z'),
    document: sampleDocument(acceptedId, []),
  });
  await markSent(db, acceptedId, { status: 'ACCEPTED', receiptNumber: 'KUR-1' });
  const authorityId = await insertAuthority(db, {
    employerId: kur.id,
    holderKey: 'free-person',
    service: 'AUTHORITIES',
  });
  const token = await createApiToken(db, await reportsScope(db, 'kur', 'kur-director'), {
    name: 'kur',
  });
  return { employerId: kur.id, draftId, acceptedId, submissionId, authorityId, tokenId: token.id };
}
