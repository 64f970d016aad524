import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { cabinetHref, cabinetSearch } from '@/lib/cabinet/query';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import { listDistributions } from '@/lib/server/cabinet/distribution/list-distributions';
import { getDb } from '@/lib/server/db';
import type { CabinetViewProps } from '../view-body';

/**
 * View 17 (SPEC E3–E5): the payments table as its download writes it, then the payments with a
 * remainder to distribute, the signed distributions and, for an employer with a structure, the
 * way to its sub-employers' payments.
 */
export async function PaymentsView({ context, tables, locale }: CabinetViewProps) {
  const t = await getTranslations('distribution');
  const { query } = context;
  const table = tables?.[0];
  const open = (table?.rows ?? []).filter((r) => Number(r.cells.remainder) > 0);
  const history = await listDistributions(await getDb(), context.scope);
  return (
    <>
      {context.subEmployers.length > 0 ? (
        <p className="mb-4 text-right print:hidden">
          <Link
            href={cabinetHref('sub-employers', { ...query, sub: null })}
            data-testid="sub-employers-link"
          >
            {t('subEmployersLink')}
          </Link>
        </p>
      ) : null}
      {table ? <CabinetTableView table={table} locale={locale} /> : null}
      <section className="mt-6 print:hidden" aria-labelledby="distributable-title">
        <h2 id="distributable-title" className="text-lg font-bold">
          {t('distributable')}
        </h2>
        {open.length === 0 ? (
          <p className="mt-2">{t('nothingLeft')}</p>
        ) : (
          <ul className="mt-2 grid gap-2" data-testid="distributable-payments">
            {open.map((row) => (
              <li key={row.key}>
                <Link
                  href={`/cabinet/distribute/${row.key}${cabinetSearch(query)}`}
                  className="inline-flex min-h-11 items-center"
                >
                  {t('distributeLink', {
                    reference: String(row.cells.bankReference),
                    remainder: formatAmount(Number(row.cells.remainder), locale),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="mt-6" aria-labelledby="history-title">
        <h2 id="history-title" className="text-lg font-bold">
          {t('history')}
        </h2>
        {history.length === 0 ? (
          <p className="mt-2">{t('historyEmpty')}</p>
        ) : (
          <ul className="mt-2 grid gap-3" data-testid="distribution-history">
            {history.map((d) => (
              <li key={d.id} className="rounded-md border border-line p-3">
                <p className="font-semibold">
                  {t('historyRow', {
                    date: formatDateTime(d.signedAt, locale),
                    reference: d.source.bankReference,
                    kind: t(`kind${d.kind}`),
                    amount: formatAmount(d.amountQepik, locale),
                  })}
                </p>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {d.parts.map((p) => (
                    <li key={p.bankReference}>
                      {t('historyPart', {
                        reference: p.bankReference,
                        employer: p.employerName,
                        code: p.economicClassCode,
                        amount: formatAmount(p.amountQepik, locale),
                      })}
                    </li>
                  ))}
                </ul>
                <p
                  className={`mt-1 text-sm font-semibold ${d.signatureValid ? 'text-success' : 'text-danger'}`}
                  data-testid="distribution-signature"
                >
                  {d.signatureValid ? t('signatureValid') : t('signatureInvalid')}
                </p>
                <p className="mt-1 break-all text-xs text-muted">
                  {t('historySigned', { fin: d.signerFin, hash: d.documentHash })} ·{' '}
                  {formatDate(d.source.paymentDate, locale)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
