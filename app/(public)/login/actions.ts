'use server';

import { z } from 'zod';
import { finishLogin } from '@/auth/finish-login';
import { ZId, ZLine } from '@/lib/server/action-schemas';
import { publicAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import { signingBrowser, startSigningBrowser } from '@/lib/server/signing/browser-secret';
import { cancelSigning } from '@/lib/server/signing/cancel-signing';
import { signingMessage } from '@/lib/server/signing/errors';
import {
  startedSigningView,
  type CancelLoginResult,
  type CardAnswerResult,
  type StartLoginResult,
} from '@/lib/server/signing/signing-views';
import { startAsanLogin } from '@/lib/server/signing/start-asan-login';
import { startEsignLogin } from '@/lib/server/signing/start-esign-login';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';

// Every export here is a public endpoint (publicAction): the schema bounds what it is handed,
// the use cases normalise the serial, phone, User ID and PIN and refuse with a signing code.
// A start binds the session to this browser (the hesabat-signing cookie); the card answer, the
// sign-in (auth/providers.ts reads the same cookie) and the cancel only work from it (issue 12 §3).

/** A certificate serial, a phone or a User ID as typed: the use case decides what it means. */
const ZIdentifier = ZLine(100);

/** SPEC A2: the chosen certificate gets a login challenge. */
export const startEsignLoginAction = publicAction(
  z.tuple([ZIdentifier]),
  async ({ locale }, serial): Promise<StartLoginResult> => {
    const result = await startEsignLogin(await getDb(), {
      certificateSerial: serial,
      browser: await startSigningBrowser(),
      ip: await requestIp(),
    });
    if (!result.ok)
      return { ok: false, field: 'certificate', message: signingMessage(result, {}, locale) };
    return { ok: true, ...startedSigningView(result) };
  },
);

/** The simulated card: PIN1 check and the signature (a real card program does this locally). */
export const answerWithCardAction = publicAction(
  z.tuple([z.object({ sessionId: ZId, serial: ZIdentifier, pin: ZLine(20) })]),
  async ({ locale }, input): Promise<CardAnswerResult> => {
    if (!simulatorsEnabled())
      return { ok: false, final: true, message: signingMessage('NOT_FOUND', {}, locale) };
    const result = await answerWithCard(await getDb(), {
      sessionId: input.sessionId,
      certificateSerial: input.serial,
      pin: input.pin,
      browser: await signingBrowser(),
    });
    if (result.ok) return { ok: true, jws: result.jws };
    return {
      ok: false,
      final: result.code !== 'WRONG_PIN' && result.code !== 'PIN_FORMAT',
      message: signingMessage(result, { digits: 4 }, locale),
    };
  },
);

/** SPEC A3: phone + User ID start an Asan İmza login; the page then waits for the phone. */
export const startAsanLoginAction = publicAction(
  z.tuple([z.object({ phone: ZIdentifier, userId: ZIdentifier })]),
  async ({ locale }, input): Promise<StartLoginResult> => {
    const result = await startAsanLogin(await getDb(), {
      ...input,
      browser: await startSigningBrowser(),
      ip: await requestIp(),
    });
    if (result.ok) return { ok: true, ...startedSigningView(result) };
    // A malformed phone or User ID belongs to its field; the other refusals to the form.
    const field = 'field' in result ? { field: result.field } : {};
    return { ok: false, ...field, message: signingMessage(result, {}, locale) };
  },
);

export const finishEsignLoginAction = publicAction(
  z.tuple([z.object({ sessionId: ZId, jws: ZLine(100_000) })]),
  async ({ locale }, input) => finishLogin('esign', input, locale),
);

export const finishAsanLoginAction = publicAction(
  z.tuple([z.object({ sessionId: ZId })]),
  async ({ locale }, input) => finishLogin('asan', input, locale),
);

/** "İmtina" while the page waits for the phone: this browser's login session is cancelled. */
export const cancelLoginAction = publicAction(
  z.tuple([ZId]),
  async ({ locale }, sessionId): Promise<CancelLoginResult> => {
    const result = await cancelSigning(await getDb(), {
      sessionId,
      browser: await signingBrowser(),
      owner: { purpose: 'LOGIN' },
      ip: await requestIp(),
    });
    return result.ok ? { ok: true } : { ok: false, message: signingMessage(result, {}, locale) };
  },
);
