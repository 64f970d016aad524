'use server';

import { z } from 'zod';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { ZFile, ZForm } from '@/lib/server/action-schemas';
import { publicAction } from '@/lib/server/actions';
import { now } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import type { VerifyFileState } from '@/lib/server/verify/types';
import { consumeVerifyLimit } from '@/lib/server/verify/verify-rate-limit';
import { verifySignedFile } from '@/lib/server/verify/verify-receipt';

// A public endpoint (no login): it trusts nothing in the upload and is rate-limited per IP.

const MAX_BYTES = 20 * 1024 * 1024;

/** Issue 6 §6: checks an uploaded signed file against the stored submission and certificate. */
export const verifyFileAction = publicAction(
  // useActionState hands the previous state first; only the form's file is read.
  z.tuple([z.unknown(), ZForm({ file: ZFile.optional() })]),
  async (_ctx, _state, { file }): Promise<VerifyFileState> => {
    const t = await serverTranslations('verify');
    const fileError = (message: string) => ({ ok: false as const, field: 'file', message });
    if (!file || file.size === 0) return fileError(t('fileRequired'));
    if (file.size > MAX_BYTES) return fileError(t('fileTooLarge'));
    const db = await getDb();
    const limit = await consumeVerifyLimit(db, await requestIp(), now());
    if (!limit.ok) return fileError(t('rateLimited', { seconds: limit.retryAfterSeconds }));
    const outcome = await verifySignedFile(db, await file.text());
    return { ok: true, fileName: file.name.slice(0, 200), outcome };
  },
);
