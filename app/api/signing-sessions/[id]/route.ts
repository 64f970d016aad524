import { getDb } from '@/lib/server/db';
import { serverLocale } from '@/lib/i18n/server-locale';
import { getSigningStatus } from '@/lib/server/signing/get-signing-status';
import { signingMessage } from '@/lib/server/signing/errors';
import type { SigningStatusAnswer } from '@/lib/server/signing/signing-views';

export const dynamic = 'force-dynamic';

/**
 * The browser polls this while the phone answers (SPEC A3). It reveals only the status of a
 * session whose random id the caller already holds — never who or what is being signed.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Response.json({ status: 'NOT_FOUND' }, { status: 404 });
  const result = await getSigningStatus(await getDb(), id);
  const locale = await serverLocale();
  if (!result.ok)
    return Response.json(
      {
        status: 'NOT_FOUND',
        message: signingMessage('NOT_FOUND', {}, locale),
      } satisfies SigningStatusAnswer,
      { status: 404 },
    );
  const { status } = result;
  const message =
    status === 'PENDING' || status === 'OK'
      ? undefined
      : signingMessage({ code: status, triesLeft: result.triesLeft ?? undefined }, {}, locale);
  const answer: SigningStatusAnswer = {
    status,
    message,
    expiresAt: result.expiresAt.toISOString(),
  };
  return Response.json(answer, { headers: { 'Cache-Control': 'no-store' } });
}
