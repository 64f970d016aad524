import 'server-only';
import type { ledgerEntries } from '@/db/schema';
import { monthKey, type AccountEntry, type AccountTarget } from '@/lib/domain';

type LedgerRow = Pick<
  typeof ledgerEntries.$inferSelect,
  | 'id'
  | 'entryDate'
  | 'kind'
  | 'amountQepik'
  | 'periodYear'
  | 'periodMonth'
  | 'memo'
  | 'target'
  | 'obligationSide'
  | 'obligationMonth'
>;

const periodOf = (row: LedgerRow): string =>
  row.periodYear !== null && row.periodMonth !== null
    ? monthKey(row.periodYear, row.periodMonth)
    : row.entryDate.slice(0, 7);

/** What an old report's memo ('MDSS:2025-08', 'OLDER_MDSS', 'PENALTY', …) said it settled. */
function memoTarget(memo: string, amountQepik: number): AccountTarget {
  const mdss = /^MDSS:(\d{4}-\d{2})$/.exec(memo);
  if (mdss) return { category: 'MDSS', side: null, month: mdss[1] as string };
  if (memo === 'OLDER_MDSS') return { category: 'MDSS', side: null, month: null };
  if (memo === 'PENALTY') return { category: 'PENALTY' };
  if (memo === 'SANCTIONS_FINES') return { category: 'FINE' };
  if (memo === 'OVERPAYMENT') return { category: 'CREDIT' };
  if (['SANATORIUM', 'INJURY_REFUND', 'FUND_FOUND', 'OTHER'].includes(memo))
    return { category: 'OTHER' };
  return amountQepik < 0 ? { category: 'CREDIT' } : { category: 'OTHER' };
}

/**
 * A ledger row as lib/domain's account entry. Rows carry their target since migration 0007;
 * older rows are read by their kind, period and memo, the way they were written then.
 */
export function toAccountEntry(row: LedgerRow): AccountEntry {
  const base = { id: String(row.id), date: row.entryDate, amountQepik: row.amountQepik };
  if (row.target === 'MDSS') {
    return {
      ...base,
      target: { category: 'MDSS', side: row.obligationSide, month: row.obligationMonth },
    };
  }
  if (row.target) return { ...base, target: { category: row.target } };
  switch (row.kind) {
    case 'MDSS_ACCRUAL_EMPLOYER':
    case 'MDSS_ACCRUAL_EMPLOYEE':
      return {
        ...base,
        target: {
          category: 'MDSS',
          side: row.kind === 'MDSS_ACCRUAL_EMPLOYER' ? 'EMPLOYER' : 'EMPLOYEE',
          month: periodOf(row),
        },
      };
    case 'PENALTY':
    case 'FINE':
    case 'SANCTION':
      return { ...base, target: { category: row.kind } };
    case 'OTHER_ACCRUAL':
      return { ...base, target: { category: 'OTHER' } };
    case 'OPENING_BALANCE':
      return {
        ...base,
        target:
          row.amountQepik > 0
            ? { category: 'MDSS', side: 'EMPLOYER', month: periodOf(row) }
            : { category: 'CREDIT' },
      };
    case 'WRITE_OFF':
      return { ...base, target: { category: 'MDSS', side: null, month: null } };
    case 'PAYMENT':
      return { ...base, target: memoTarget(row.memo ?? '', row.amountQepik) };
    case 'ADJUSTMENT': {
      // Written as "<kind> <target>" by the corrective posting of issue 6.
      const [kind = '', target = ''] = (row.memo ?? '').split(' ');
      if (kind === 'MDSS_ACCRUAL_EMPLOYER' || kind === 'MDSS_ACCRUAL_EMPLOYEE') {
        const month = /^MDSS:(\d{4}-\d{2})$/.exec(target)?.[1] ?? periodOf(row);
        return {
          ...base,
          target: {
            category: 'MDSS',
            side: kind === 'MDSS_ACCRUAL_EMPLOYER' ? 'EMPLOYER' : 'EMPLOYEE',
            month,
          },
        };
      }
      if (kind === 'PENALTY') return { ...base, target: { category: 'PENALTY' } };
      return { ...base, target: memoTarget(target, row.amountQepik) };
    }
  }
}

/** The ledger columns that record an account target (DOMAIN.md §5). */
export function targetColumns(target: AccountTarget): {
  target: (typeof ledgerEntries.$inferInsert)['target'];
  obligationSide: (typeof ledgerEntries.$inferInsert)['obligationSide'];
  obligationMonth: string | null;
} {
  if (target.category === 'MDSS') {
    return { target: 'MDSS', obligationSide: target.side, obligationMonth: target.month };
  }
  return { target: target.category, obligationSide: null, obligationMonth: null };
}
