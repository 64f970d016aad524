'use server';

import { z } from 'zod';
import { normalizeMobile } from '@/lib/domain/identifiers';
import { ZLine } from '@/lib/server/action-schemas';
import { publicAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { signingMessage } from '@/lib/server/signing/errors';
import type { PhoneAnswerResult } from '@/lib/server/signing/signing-views';
import { answerOnPhone } from '@/lib/server/simulators/answer-on-phone';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';

// The phone has no session of its own (publicAction): it answers for the number it watches, the
// request with the code on its screen. It never knows a session id (issue 12 §3).

/** The simulated phone's Confirm (with PIN) and Cancel buttons. */
export const answerOnPhoneAction = publicAction(
  z.tuple([
    z.object({
      phone: ZLine(40),
      code: ZLine(10),
      pin: ZLine(20).optional(),
      cancel: z.boolean().optional(),
    }),
  ]),
  async ({ locale }, input): Promise<PhoneAnswerResult> => {
    const phone = normalizeMobile(input.phone);
    if (!simulatorsEnabled() || !phone.ok)
      return { ok: false, message: signingMessage('NOT_FOUND', {}, locale) };
    const db = await getDb();
    const result = input.cancel
      ? await answerOnPhone(db, { phone: phone.value, code: input.code, cancel: true })
      : await answerOnPhone(db, { phone: phone.value, code: input.code, pin: input.pin ?? '' });
    if (result.ok) return { ok: true };
    return { ok: false, message: signingMessage(result, { digits: 4 }, locale) };
  },
);
