import type { ActionResult } from '@/lib/server/actions';

/** A payment the report already uses (SPEC F6), as the table shows it. */
export type AddedPaymentView = {
  paymentId: string;
  paymentDate: string;
  bankReference: string;
  economicClassCode: string;
  paymentAmountQepik: number;
  usedQepik: number;
};

/** A payment with a remainder the report may still use (SPEC F6). */
export type UnallocatedPaymentView = {
  id: string;
  paymentDate: string;
  bankReference: string;
  economicClassCode: string;
  amountQepik: number;
  remainderQepik: number;
  /** The remainder as a person would type it, to prefill the partial amount. */
  remainderText: string;
  /** Paid after the report's quarter ended: listed last and marked. */
  afterQuarter: boolean;
};

/** One F8 row. */
export type NonLiableIncomeView = {
  id: string;
  reasonCode: string;
  month: string;
  amountQepik: number;
  amountText: string;
};

export type Option = { value: string; label: string };

/** What a payment was applied to (DOMAIN.md §5): an MDSS month and side, or another debt. */
export type AppliedTo =
  | { category: 'MDSS'; side: 'EMPLOYER' | 'EMPLOYEE' | null; month: string | null }
  | { category: 'PENALTY' | 'FINE' | 'SANCTION' | 'OTHER' | 'CREDIT' };

/** The "HESABLA" result (SPEC F11) in plain serialisable numbers. */
export type PenaltyView = {
  /** The calculation date (dd.mm.yyyy is the page's job). */
  asOfDate: string;
  totalQepik: number;
  capDays: number;
  obligations: {
    key: string;
    side: 'EMPLOYER' | 'EMPLOYEE';
    month: string;
    dueDate: string;
    amountQepik: number;
    /** The first day this calculation charges (the day after the last posted one). */
    chargedFrom: string;
    days: number;
    totalDays: number;
    penaltyQepik: number;
    inQuarter: boolean;
    intervals: {
      from: string;
      to: string;
      days: number;
      overdueQepik: number;
      ratePercent: number;
      penaltyQepik: number;
    }[];
  }[];
  allocations: { paymentDate: string; target: AppliedTo; amountQepik: number }[];
};

/** F11 "HESABLA": the penalty as of today, or the refusal in words. */
export type PenaltyResultAction = () => Promise<ActionResult<{ penalty: PenaltyView }>>;
