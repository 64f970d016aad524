import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { PrintButton } from '@/components/receipt/print-button';
import { serverLocale } from '@/lib/i18n/server-locale';
import { loadInScope, requireEmployerAccess } from '@/lib/server/access';
import { absoluteUrlForPage } from '@/lib/server/public-url';
import { getReceipt } from '@/lib/server/submissions/receipt/get-receipt';
import { receiptSections } from '@/lib/server/submissions/receipt/receipt-rows';

type Props = { params: Promise<{ submissionId: string }> };

// Once per request: the metadata and the page both need it, and a probe is one audit row.
const load = cache(async (submissionId: string) => {
  const scope = await requireEmployerAccess('REPORTS');
  return loadInScope(scope, 'getReceipt', (db) => getReceipt(db, scope, { submissionId }));
});

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations('receipt');
  const view = await load((await params).submissionId);
  return { title: t('documentTitle', { receiptNumber: view.receiptNumber }) };
}

/** Issue 6 §6: the receipt of one submission, printable, with its PDF, signed file and check. */
export default async function ReceiptPage({ params }: Props) {
  const { submissionId } = await params;
  const view = await load(submissionId);
  const t = await getTranslations('receipt');
  const locale = await serverLocale();
  const [summary, ...sections] = receiptSections(view, locale);
  // On paper the verify link is only its address, so print it as the PDF does.
  const verifyUrl = await absoluteUrlForPage('/verify');
  const base = `/reports/submissions/${encodeURIComponent(view.submissionId)}`;
  const verifyHref = `/verify?${new URLSearchParams({ receipt: view.receiptNumber, hash: view.documentHash })}`;
  const linkClass =
    'inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 bg-surface px-4 py-2 font-semibold no-underline hover:bg-brand-50';
  return (
    <article className="max-w-4xl" data-testid="receipt">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-lg">
        {t('receiptNumber')}: <strong data-testid="receipt-number">{view.receiptNumber}</strong>
      </p>
      <nav aria-label={t('actions')} className="mt-4 flex flex-wrap gap-3 print:hidden">
        <a href={`${base}/receipt.pdf`} className={linkClass} data-testid="receipt-pdf">
          {t('downloadPdf')}
        </a>
        <a
          href={`${base}/signed-file`}
          download
          className={linkClass}
          data-testid="receipt-signed-file"
        >
          {t('downloadSigned')}
        </a>
        <Link href={verifyHref} className={linkClass} data-testid="receipt-verify">
          {t('verify')}
        </Link>
        <PrintButton label={t('print')} />
      </nav>
      {[summary, ...sections].map((section, i) =>
        section ? (
          <section
            key={section.title}
            aria-labelledby={`receipt-section-${i}`}
            className="mt-6 rounded-lg bg-surface p-5 shadow-sm print:shadow-none"
          >
            <h2
              id={`receipt-section-${i}`}
              className={i === 0 ? 'sr-only' : 'mb-3 text-lg font-semibold'}
            >
              {section.title}
            </h2>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(12rem,max-content)_1fr]">
              {section.rows.map((row) => (
                <div key={row.label} className="contents">
                  <dt className="font-semibold text-muted">{row.label}</dt>
                  <dd
                    className={
                      row.kind === 'hash'
                        ? 'break-all font-mono text-sm'
                        : row.kind === 'list'
                          ? 'whitespace-pre-line'
                          : undefined
                    }
                    data-testid={row.kind === 'hash' ? 'receipt-hash' : undefined}
                  >
                    {row.value || '—'}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null,
      )}
      <p className="mt-8 hidden print:block" data-testid="receipt-verify-line">
        {t('verifyLine', { url: verifyUrl })}
      </p>
      <p className="mt-8 print:hidden">
        <Link href="/reports/registry">{t('backToRegistry')}</Link>
      </p>
    </article>
  );
}
