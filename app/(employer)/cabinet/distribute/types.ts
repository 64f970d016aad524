import type { ActionRefusal } from '@/lib/server/actions';
import type { SigningSession } from '@/lib/server/submissions/sending-views';

export type StartDistributionAnswer = { ok: true; session: SigningSession } | ActionRefusal;
export type CompleteDistributionAnswer =
  { ok: true; message: string; distributionId: string } | ActionRefusal;
