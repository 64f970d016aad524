'use server';

import { getTranslations } from 'next-intl/server';
import type { VerifyFileState } from '@/components/receipt/types';
import { now } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import { consumeVerifyLimit } from '@/lib/server/verify/verify-rate-limit';
import { verifySignedFile } from '@/lib/server/verify/verify-receipt';

// A public endpoint (no login): it trusts nothing in the upload and is rate-limited per IP.

const MAX_BYTES = 20 * 1024 * 1024;

/** Issue 6 §6: checks an uploaded signed file against the stored submission and certificate. */
export async function verifyFileAction(
  _state: VerifyFileState,
  formData: FormData,
): Promise<VerifyFileState> {
  const t = await getTranslations('verify');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0)
    return { status: 'error', message: t('fileRequired') };
  if (file.size > MAX_BYTES) return { status: 'error', message: t('fileTooLarge') };
  const db = await getDb();
  const limit = await consumeVerifyLimit(db, await requestIp(), now());
  if (!limit.ok)
    return { status: 'error', message: t('rateLimited', { seconds: limit.retryAfterSeconds }) };
  const outcome = await verifySignedFile(db, await file.text());
  return { status: 'checked', fileName: file.name.slice(0, 200), outcome };
}
