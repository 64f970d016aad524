import { getTranslations } from 'next-intl/server';
import { CreateTokenForm } from '@/components/api-tokens/create-token-form';
import { TokenList } from '@/components/api-tokens/token-list';
import type { TokenRow } from '@/components/api-tokens/types';
import { formatDateTime } from '@/lib/i18n/format-date';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { apiText } from '@/lib/server/api/api-messages';
import { listApiTokens } from '@/lib/server/api/list-api-tokens';
import { getDb } from '@/lib/server/db';
import { createApiTokenAction, revokeApiTokenAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('apiTokens');
  return { title: t('title') };
}

const KNOWN_ERRORS = ['NOT_FOUND', 'TOKEN_ALREADY_REVOKED', 'TOKEN_RESPONSIBLE_ONLY'];

/**
 * Issue 5 §9: the employer's payroll-API tokens. Everyone with the reports service sees the
 * list; only the responsible person creates and revokes (the use cases enforce it again).
 */
export default async function ApiTokensPage({
  searchParams,
}: {
  searchParams: Promise<{ revoked?: string; error?: string }>;
}) {
  const scope = await requireEmployerAccess('REPORTS');
  const t = await getTranslations('apiTokens');
  const locale = await serverLocale();
  const query = await searchParams;
  const canManage = scope.via === 'RESPONSIBLE';
  const tokens: TokenRow[] = (await listApiTokens(await getDb(), scope)).map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: formatDateTime(row.createdAt, locale),
    lastUsedAt: row.lastUsedAt ? formatDateTime(row.lastUsedAt, locale) : null,
    revokedAt: row.revokedAt ? formatDateTime(row.revokedAt, locale) : null,
  }));
  const errorCode = KNOWN_ERRORS.includes(query.error ?? '') ? query.error! : null;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <p className="mt-2">
        <a href="/api/v1/openapi.json">{t('docsLink')}</a>
      </p>
      {query.revoked ? (
        <p role="status" className="mt-4 rounded-md bg-success-50 p-3">
          {t('revoked')}
        </p>
      ) : null}
      {errorCode ? (
        <p role="alert" className="mt-4 rounded-md bg-danger-50 p-3">
          {apiText(errorCode)[locale]}
        </p>
      ) : null}
      {canManage ? (
        <CreateTokenForm create={createApiTokenAction} />
      ) : (
        <p
          className="mt-4 rounded-md border-l-4 border-brand-600 bg-surface p-3"
          data-testid="api-tokens-read-only"
        >
          {t('readOnly')}
        </p>
      )}
      <h2 className="mt-8 text-xl font-bold">{t('listTitle')}</h2>
      <TokenList tokens={tokens} canRevoke={canManage} revoke={revokeApiTokenAction} />
    </div>
  );
}
