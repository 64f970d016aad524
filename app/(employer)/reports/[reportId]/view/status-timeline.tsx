import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { statusWordKey } from '@/lib/i18n/status-words';
import { stepById } from '@/lib/report-wizard/steps';
import type { ReturnReason, StatusHistoryRow } from '@/lib/server/submissions/types';
import { formatDateTime } from '@/lib/i18n/format-date';

/** Return reasons, each linking to the wizard step that fixes it (step ids map to slugs). */
export async function ReturnReasons({
  reportId,
  reasons,
  locale,
}: {
  reportId: string;
  reasons: ReturnReason[];
  locale: 'az' | 'en';
}) {
  const t = await getTranslations('reportView');
  const ts = await getTranslations('wizardSteps');
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="return-reasons">
      {reasons.map((r, i) => {
        const step = stepById(r.step);
        return (
          <li key={`${r.code}-${i}`}>
            {r.text[locale]}
            {step ? (
              <>
                {' '}
                <Link href={`/reports/${reportId}/${step.slug}`}>
                  {t('fixAt', { step: `${step.id}. ${ts(step.id)}` })}
                </Link>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

type Props = {
  reportId: string;
  history: StatusHistoryRow[];
  receiptOf: ReadonlyMap<string, string>;
  locale: 'az' | 'en';
};

/** The report's status timeline (SPEC G2): received → accepted or returned (with reasons) → replaced. */
export async function StatusTimeline({ reportId, history, receiptOf, locale }: Props) {
  const t = await getTranslations('reportView');
  const ts = await getTranslations('reportStatus');
  if (history.length === 0) return <p className="mt-2 text-muted">{t('none')}</p>;
  return (
    <ol className="mt-3 border-l-4 border-line pl-4" data-testid="status-history">
      {history.map((h, i) => {
        const receipt = h.submissionId ? receiptOf.get(h.submissionId) : undefined;
        return (
          <li key={`${h.status}-${i}`} className="mb-4">
            <p className="font-semibold">
              {ts(statusWordKey(h.status) ?? 'RECEIVED')}
              {receipt ? (
                <span className="font-normal">
                  {' '}
                  · {t('receiptNumber')} {receipt}
                </span>
              ) : null}
            </p>
            <p className="text-sm text-muted">
              <time dateTime={h.at.toISOString()}>{formatDateTime(h.at, locale)}</time>
            </p>
            {h.reasons.length > 0 ? (
              <ReturnReasons reportId={reportId} reasons={h.reasons} locale={locale} />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
