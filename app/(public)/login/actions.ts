'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import type {
  CardAnswerResult,
  FinishLoginResult,
  StartLoginResult,
} from '@/components/login/types';
import { getDb } from '@/lib/server/db';
import { serverLocale } from '@/lib/i18n/server-locale';
import { formatMessage, normalizeMobile, validateAsanUserId } from '@/lib/domain';
import { requestIp } from '@/lib/server/request-ip';
import {
  failureParams,
  signingMessage,
  SIGNING_CODES,
  type SigningCode,
} from '@/lib/server/signing/errors';
import { startAsanLogin } from '@/lib/server/signing/start-asan-login';
import { startEsignLogin } from '@/lib/server/signing/start-esign-login';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';

// Every export here is a public endpoint: each validates its input and trusts nothing.

function asCode(code: string): SigningCode {
  return (SIGNING_CODES as readonly string[]).includes(code) ? (code as SigningCode) : 'NOT_FOUND';
}

/** SPEC A2: the chosen certificate gets a login challenge. */
export async function startEsignLoginAction(serial: string): Promise<StartLoginResult> {
  const locale = await serverLocale();
  const result = await startEsignLogin(await getDb(), {
    certificateSerial: String(serial),
    ip: await requestIp(),
  });
  if (!result.ok)
    return {
      ok: false,
      field: 'certificate',
      message: signingMessage(asCode(result.code), failureParams(result), locale),
    };
  return {
    ok: true,
    sessionId: result.sessionId,
    verificationCode: result.verificationCode,
    expiresAt: result.expiresAt.toISOString(),
  };
}

/** The simulated card: PIN1 check and the signature (a real card program does this locally). */
export async function answerWithCardAction(input: {
  sessionId: string;
  serial: string;
  pin: string;
}): Promise<CardAnswerResult> {
  const locale = await serverLocale();
  if (!simulatorsEnabled())
    return { ok: false, final: true, message: signingMessage('NOT_FOUND', {}, locale) };
  const result = await answerWithCard(await getDb(), {
    sessionId: String(input.sessionId),
    certificateSerial: String(input.serial),
    pin: String(input.pin),
  });
  if (result.ok) return { ok: true, jws: result.jws };
  const final = result.code !== 'WRONG_PIN' && result.code !== 'PIN_FORMAT';
  return {
    ok: false,
    final,
    message: signingMessage(asCode(result.code), { digits: 4, ...failureParams(result) }, locale),
  };
}

/** SPEC A3: phone + User ID start an Asan İmza login; the page then waits for the phone. */
export async function startAsanLoginAction(input: {
  phone: string;
  userId: string;
}): Promise<StartLoginResult> {
  const locale = await serverLocale();
  const phone = normalizeMobile(String(input.phone ?? ''));
  if (!phone.ok)
    return { ok: false, field: 'phone', message: formatMessage(phone.code, phone.params, locale) };
  const userId = validateAsanUserId(String(input.userId ?? ''));
  if (!userId.ok)
    return {
      ok: false,
      field: 'userId',
      message: formatMessage(userId.code, userId.params, locale),
    };
  const result = await startAsanLogin(await getDb(), {
    phone: phone.value,
    userId: userId.value,
    ip: await requestIp(),
  });
  if (!result.ok)
    return {
      ok: false,
      message: signingMessage(asCode(result.code), failureParams(result), locale),
    };
  return {
    ok: true,
    sessionId: result.sessionId,
    verificationCode: result.verificationCode,
    expiresAt: result.expiresAt.toISOString(),
  };
}

async function finish(
  provider: 'esign' | 'asan',
  credentials: Record<string, string>,
): Promise<FinishLoginResult> {
  const locale = await serverLocale();
  try {
    await signIn(provider, { ...credentials, redirectTo: '/employers' });
  } catch (error) {
    // signIn throws NEXT_REDIRECT on success: only Auth.js errors are ours to handle.
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? 'BAD_SIGNATURE';
      return { ok: false, message: signingMessage(asCode(code), {}, locale) };
    }
    throw error;
  }
  return { ok: false, message: signingMessage('NOT_FOUND', {}, locale) };
}

export async function finishEsignLoginAction(input: {
  sessionId: string;
  jws: string;
}): Promise<FinishLoginResult> {
  return finish('esign', { sessionId: String(input.sessionId), jws: String(input.jws) });
}

export async function finishAsanLoginAction(input: {
  sessionId: string;
}): Promise<FinishLoginResult> {
  return finish('asan', { sessionId: String(input.sessionId) });
}
