import type { AccountState, PaymentApplication } from '@/lib/domain';

/**
 * The report as it is signed and sent (issue 6 §4): everything the employer declared, with the
 * figures the system derived from it, in one canonical JSON. Amounts are integer qəpik; months
 * are 'YYYY-MM'; persons are in FIN order. Its SHA-256 is the document hash on the receipt.
 * Bump `schema` when the shape changes: stored documents are never rewritten.
 */
export type ReportDocument = {
  /** 2 adds the account, the penalty per obligation, payment sides and their application. */
  schema: 'hesabat.report/1' | 'hesabat.report/2';
  reportId: string;
  reportType: 'INITIAL' | 'CORRECTIVE';
  /** The accepted report a corrective one replaces. */
  replacesReportId: string | null;
  version: number;
  employer: { id: string; name: string; voen: string; dsmfRegNumber: string };
  activity: { code: string; nameAz: string; nameEn: string; sector: string };
  period: { year: number; quarter: number; months: [string, string, string] };
  debtStartQepik: number;
  months: { month: string; labourPaymentsQepik: number | null; headcount: number | null }[];
  nonLiableIncome: { reasonCode: string; month: string; amountQepik: number }[];
  payments: {
    paymentId: string;
    paymentDate: string;
    bankReference: string;
    /** Schema 2: the payment's economic classification code and its side (DOMAIN.md §8). */
    economicClassCode?: string;
    side?: 'EMPLOYER' | 'EMPLOYEE';
    amountQepik: number;
  }[];
  /**
   * Schema 2: the activity code's account before this report, as the payments were applied to
   * it (DOMAIN.md §5) — open debts by month and side and credit carried in.
   */
  account?: {
    items: {
      key: string;
      category: 'MDSS' | 'PENALTY' | 'FINE' | 'SANCTION' | 'OTHER';
      side?: 'EMPLOYER' | 'EMPLOYEE';
      month?: string;
      arisesOn: string;
      openQepik: number;
    }[];
    credits: { date: string; amountQepik: number }[];
  };
  /** Schema 2: the penalty (F11) per MDSS obligation charged, up to `through` (DOMAIN.md §4). */
  penalty?: {
    through: string;
    totalQepik: number;
    obligations: {
      side: 'EMPLOYER' | 'EMPLOYEE';
      month: string;
      dueDate: string;
      amountQepik: number;
      chargedFrom: string;
      days: number;
      totalDays: number;
      penaltyQepik: number;
      intervals: {
        from: string;
        to: string;
        days: number;
        overdueQepik: number;
        dailyRate: { num: number; den: number };
        penaltyQepik: number;
      }[];
    }[];
  };
  /** Schema 2: how the payments were applied (issue 10 §3; PaymentApplication of lib/domain). */
  application?: PaymentApplication;

  lines: { category: string; accruedQepik: number; paidQepik: number }[];
  writeOffsQepik: number;
  totals: {
    mdssEmployerQepik: number;
    mdssEmployeeQepik: number;
    paymentsUsedQepik: number;
    accruedQepik: number;
    paidQepik: number;
    debtEndQepik: number;
    /** Applied to this quarter's MDSS: what the insured persons receive. */
    distributedQepik: number;
    /** Schema 2: paid (with credit) but not for this quarter's persons. */
    undistributedQepik: number;
    persons: number;
  };
  /** Per month: MDSS per side and what the distribution put on it. */
  contributions: {
    month: string;
    employerQepik: number;
    employeeQepik: number;
    paidEmployerQepik: number;
    paidEmployeeQepik: number;
  }[];
  persons: {
    fin: string;
    surname: string;
    name: string;
    patronymic: string;
    /** Liable income for m1..m3; null = not employed that month. */
    incomeQepik: [number | null, number | null, number | null];
  }[];
  seniority: {
    fin: string;
    entryId: number;
    days: number | null;
    fromDate: string | null;
    toDate: string | null;
  }[];
  signatories: {
    role: string;
    fin: string;
    documentType: string;
    surname: string;
    name: string;
    patronymic: string;
  }[];
  /** Warnings confirmed on the check page: key → reason. */
  confirmations: Record<string, string>;
};

/** The account as a document records it: the open debts and the credit, nothing settled. */
export function documentAccount(state: AccountState): NonNullable<ReportDocument['account']> {
  return {
    items: state.items
      .filter((i) => i.openQepik > 0)
      .map((i) => ({
        key: i.key,
        category: i.category,
        ...(i.side ? { side: i.side } : {}),
        ...(i.month ? { month: i.month } : {}),
        arisesOn: i.arisesOn,
        openQepik: i.openQepik,
      })),
    credits: state.credits.map((c) => ({ ...c })),
  };
}
