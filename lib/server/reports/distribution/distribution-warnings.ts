import 'server-only';
import { formatMessage, type MonthFigures, type ReconciliationWarning } from '@/lib/domain';

export type { MonthFigures };

/** An F23 warning with its texts and the key a confirmation is stored under. */
export type DistributionWarning = ReconciliationWarning & {
  key: string;
  text: { az: string; en: string };
};

/** The key under which a confirmed warning is stored in reports.confirmations (code:month). */
export function warningKey(w: { code: string; month: string }): string {
  return `${w.code}:${w.month}`;
}

/** The reconciliation warnings of lib/domain (DOMAIN.md §6) with their key and both texts. */
export function withWarningTexts(
  warnings: readonly ReconciliationWarning[],
): DistributionWarning[] {
  return warnings.map((w) => {
    const params = {
      month: { kind: 'month' as const, month: w.month },
      difference: { kind: 'money' as const, qepik: w.differenceQepik },
      nonLiable: { kind: 'money' as const, qepik: w.nonLiableQepik },
    };
    return {
      ...w,
      key: warningKey(w),
      text: { az: formatMessage(w.code, params, 'az'), en: formatMessage(w.code, params, 'en') },
    };
  });
}
