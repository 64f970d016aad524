'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { RevokeTokenButton } from './revoke-token-button';
import type { TokenRow } from './types';

type Props = {
  tokens: TokenRow[];
  canRevoke: boolean;
  revoke: (formData: FormData) => Promise<void>;
};

/** Issue 5 §9: name, prefix, created, last used, status; revoke for the responsible person. */
export function TokenList({ tokens, canRevoke, revoke }: Props) {
  const t = useTranslations('apiTokens');
  if (tokens.length === 0) return <p className="mt-3">{t('empty')}</p>;
  const headers = [
    t('colName'),
    t('colPrefix'),
    t('colCreated'),
    t('colLastUsed'),
    t('colStatus'),
    ...(canRevoke ? [t('colActions')] : []),
  ];
  return (
    <div className="mt-3 overflow-x-auto rounded-lg bg-surface shadow-sm">
      <table className="w-full min-w-[44rem] text-left" data-testid="api-tokens-table">
        <thead className="border-b-2 border-line">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="p-3">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-line" data-testid="api-token-row">
              <td className="p-3">{token.name}</td>
              <td className="p-3 font-mono text-sm">{token.prefix}…</td>
              <td className="p-3">{token.createdAt}</td>
              <td className="p-3">{token.lastUsedAt ?? t('never')}</td>
              <td className="p-3">
                {token.revokedAt ? t('revokedAt', { date: token.revokedAt }) : t('active')}
              </td>
              {canRevoke ? (
                <td className="p-3">
                  {token.revokedAt ? null : (
                    <RevokeTokenButton
                      tokenId={token.id}
                      name={token.name}
                      prefix={token.prefix}
                      revoke={revoke}
                    />
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
