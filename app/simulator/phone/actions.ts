'use server';

import { normalizeMobile } from '@/lib/domain/identifiers';
import { serverLocale } from '@/lib/i18n/server-locale';
import { getDb } from '@/lib/server/db';
import {
  failureParams,
  signingMessage,
  SIGNING_CODES,
  type SigningCode,
} from '@/lib/server/signing/errors';
import { answerOnPhone } from '@/lib/server/simulators/answer-on-phone';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';

export type PhoneAnswer = { ok: boolean; message: string };

/** The simulated phone's Confirm (with PIN) and Cancel buttons. */
export async function answerOnPhoneAction(input: {
  sessionId: string;
  phone: string;
  pin?: string;
  cancel?: boolean;
}): Promise<PhoneAnswer> {
  const locale = await serverLocale();
  const phone = normalizeMobile(String(input.phone ?? ''));
  if (!simulatorsEnabled() || !phone.ok)
    return { ok: false, message: signingMessage('NOT_FOUND', {}, locale) };
  const db = await getDb();
  const result = input.cancel
    ? await answerOnPhone(db, {
        sessionId: String(input.sessionId),
        phone: phone.value,
        cancel: true,
      })
    : await answerOnPhone(db, {
        sessionId: String(input.sessionId),
        phone: phone.value,
        pin: String(input.pin ?? ''),
      });
  if (result.ok) return { ok: true, message: '' };
  const code = (SIGNING_CODES as readonly string[]).includes(result.code)
    ? (result.code as SigningCode)
    : 'NOT_FOUND';
  return {
    ok: false,
    message: signingMessage(code, { digits: 4, ...failureParams(result) }, locale),
  };
}
