import { useTranslations } from 'next-intl';
import { statusWordKey } from '@/lib/i18n/status-words';

const STYLES: Record<string, string> = {
  DRAFT: 'border-line bg-surface text-ink',
  SENT: 'border-brand-600 bg-brand-50 text-brand-700',
  ACCEPTED: 'border-success bg-success-50 text-success',
  RETURNED: 'border-danger bg-danger-50 text-danger',
  REPLACED: 'border-line bg-surface text-muted',
};

const KNOWN = new Set(Object.keys(STYLES));

type Props = { status: string; /** A draft marked ready on the check page. */ ready?: boolean };

/** A report's status in words (never colour alone), the same in the registry and the module home. */
export function StatusBadge({ status, ready = false }: Props) {
  const t = useTranslations('registry');
  const ts = useTranslations('reportStatus');
  const word = KNOWN.has(status) ? statusWordKey(status) : null;
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border-2 px-2 py-0.5 text-sm font-semibold ${STYLES[status] ?? STYLES.DRAFT}`}
      data-testid="status-badge"
      data-status={status}
    >
      {word ? ts(word) : status}
      {status === 'DRAFT' && ready ? (
        <span className="font-normal"> · {t('statusReady')}</span>
      ) : null}
    </span>
  );
}
