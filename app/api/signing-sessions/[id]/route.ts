import { isUuid } from '@/lib/server/uuid';
import { getDb } from '@/lib/server/db';
import { serverLocale } from '@/lib/i18n/server-locale';
import { signingBrowser } from '@/lib/server/signing/browser-secret';
import { getSigningStatus } from '@/lib/server/signing/get-signing-status';
import { signingMessage } from '@/lib/server/signing/errors';
import type { SigningStatusAnswer } from '@/lib/server/signing/signing-views';

export const dynamic = 'force-dynamic';

/**
 * The browser polls this while the phone answers (SPEC A3). It reveals only the status of a
 * session this browser started (its hesabat-signing cookie; any other caller, with the id or
 * not, gets the unknown session's 404, issue 12 §3) — never who or what is being signed.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id))
    return Response.json(
      { status: 'NOT_FOUND' },
      { status: 404, headers: { 'Cache-Control': 'no-store' } },
    );
  const result = await getSigningStatus(await getDb(), id, await signingBrowser());
  const locale = await serverLocale();
  if (!result.ok)
    return Response.json(
      {
        status: 'NOT_FOUND',
        message: signingMessage('NOT_FOUND', {}, locale),
      } satisfies SigningStatusAnswer,
      { status: 404, headers: { 'Cache-Control': 'no-store' } },
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
