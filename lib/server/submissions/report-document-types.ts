/**
 * The report as it is signed and sent (issue 6 §4): everything the employer declared, with the
 * figures the system derived from it, in one canonical JSON. Amounts are integer qəpik; months
 * are 'YYYY-MM'; persons are in FIN order. Its SHA-256 is the document hash on the receipt.
 * Bump `schema` when the shape changes: stored documents are never rewritten.
 */
export type ReportDocument = {
  schema: 'hesabat.report/1';
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
    amountQepik: number;
  }[];
  lines: { category: string; accruedQepik: number; paidQepik: number }[];
  writeOffsQepik: number;
  totals: {
    mdssEmployerQepik: number;
    mdssEmployeeQepik: number;
    paymentsUsedQepik: number;
    accruedQepik: number;
    paidQepik: number;
    debtEndQepik: number;
    distributedQepik: number;
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
