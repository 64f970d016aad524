'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { formatDateTime } from '@/lib/i18n/format-date';
import type { VerifyResult as VerifyOutcome } from '@/lib/server/verify/types';

/** The filing time as the receipt prints it: Baku time, to the second. */
const bakuTime = (iso: string) => formatDateTime(iso, undefined, { seconds: true });

/**
 * The answer of /verify (issue 6 §6): a green "valid" with the few public facts, or a red
 * "not valid" with the reason. A live region, so a screen reader hears the outcome.
 */
export function VerifyResult({ outcome, id }: { outcome: VerifyOutcome; id: string }) {
  const t = useTranslations('verify');
  const tr = useTranslations('receipt');
  const tone = outcome.valid ? 'border-success bg-success-50' : 'border-danger bg-danger-50';
  return (
    <section
      role="status"
      aria-live="polite"
      aria-labelledby={`${id}-title`}
      className={`mt-6 rounded-lg border-2 p-5 ${tone}`}
      data-testid="verify-result"
      data-valid={outcome.valid ? 'true' : 'false'}
      data-code={outcome.code}
    >
      <h2
        id={`${id}-title`}
        className={`text-xl font-bold ${outcome.valid ? 'text-success' : 'text-danger'}`}
      >
        <span aria-hidden="true">{outcome.valid ? '✓ ' : '✗ '}</span>
        {outcome.valid ? t('valid') : t('invalid')}
      </h2>
      {outcome.valid ? (
        <>
          <p className="mt-2">{t('validText')}</p>
          <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            {[
              [t('receiptNumber'), outcome.details.receiptNumber],
              [t('receivedAt'), bakuTime(outcome.details.receivedAt)],
              [t('employerName'), outcome.details.employerName],
              [t('period'), tr('periodValue', outcome.details.period)],
              [t('reportType'), tr(`type${outcome.details.reportType}`)],
              [t('signer'), `${outcome.details.signerName} (${outcome.details.signerFinMasked})`],
              [t('status'), tr(`status${outcome.details.status}`)],
            ].map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            <div className="contents">
              <dt className="font-semibold">{t('documentHash')}</dt>
              <dd className="break-all font-mono text-sm">{outcome.details.documentHash}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="mt-2" data-testid="verify-reason">
          {t(`reason${outcome.code}`)}
        </p>
      )}
    </section>
  );
}
