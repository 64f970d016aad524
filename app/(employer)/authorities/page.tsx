import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RevokeButton } from '@/components/authorities/revoke-button';
import { formatDate } from '@/lib/i18n/format-date';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { listAuthorities } from '@/lib/server/authorities/list-authorities';
import { getDb } from '@/lib/server/db';
import { errorMessage } from '@/lib/server/error-messages';
import { APP_ERROR_CODES, type AppErrorCode } from '@/lib/server/errors';
import { revokeAuthorityAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('authorities');
  return { title: t('title') };
}

/** SPEC C6–C7: the registry of authorities with revoke on each live or future row. */
export default async function AuthoritiesPage({
  searchParams,
}: {
  searchParams: Promise<{ granted?: string; revoked?: string; error?: string }>;
}) {
  const scope = await requireEmployerAccess('AUTHORITIES');
  const t = await getTranslations('authorities');
  const locale = await serverLocale();
  const query = await searchParams;
  const rows = await listAuthorities(await getDb(), scope);
  const errorCode = (APP_ERROR_CODES as readonly string[]).includes(query.error ?? '')
    ? (query.error as AppErrorCode)
    : null;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link
          href="/authorities/new"
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:text-white"
          data-testid="grant-link"
        >
          {t('grant')}
        </Link>
      </div>
      {query.granted ? (
        <p role="status" className="mt-4 rounded-md bg-success-50 p-3">
          {t('granted')}
        </p>
      ) : null}
      {query.revoked ? (
        <p role="status" className="mt-4 rounded-md bg-success-50 p-3">
          {t('revoked')}
        </p>
      ) : null}
      {errorCode ? (
        <p role="alert" className="mt-4 rounded-md bg-danger-50 p-3">
          {errorMessage(errorCode, {}, locale)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg bg-surface shadow-sm">
          <table className="w-full min-w-[48rem] text-left" data-testid="authorities-table">
            <thead className="border-b-2 border-line">
              <tr>
                {[
                  t('device'),
                  t('fin'),
                  t('holder'),
                  t('period'),
                  t('service'),
                  t('status'),
                  t('actions'),
                ].map((h) => (
                  <th key={h} scope="col" className="p-3">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const period =
                  !r.validFrom && !r.validTo
                    ? t('indefinite')
                    : [
                        r.validFrom ? t('from', { date: formatDate(r.validFrom, locale) }) : null,
                        r.validTo ? t('to', { date: formatDate(r.validTo, locale) }) : null,
                      ]
                        .filter(Boolean)
                        .join(' ');
                return (
                  <tr key={r.id} className="border-b border-line" data-testid="authority-row">
                    <td className="p-3">
                      {r.deviceRef}
                      <span className="block text-xs text-muted">{t(`method${r.method}`)}</span>
                    </td>
                    <td className="p-3">{r.holderFin}</td>
                    <td className="p-3">{r.holderFullName}</td>
                    <td className="p-3">{period}</td>
                    <td className="p-3">{t(`service${r.service}`)}</td>
                    <td className="p-3" data-testid="authority-status">
                      {t(`status${r.status}`)}
                    </td>
                    <td className="p-3">
                      {r.status === 'live' || r.status === 'future' ? (
                        <RevokeButton
                          authorityId={r.id}
                          name={r.holderFullName}
                          fin={r.holderFin}
                          service={t(`service${r.service}`)}
                          revoke={revokeAuthorityAction}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
