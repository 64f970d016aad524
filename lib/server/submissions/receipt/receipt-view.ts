import 'server-only';
import type { SubmissionStatus } from '@/db/schema';
import type { PaymentApplication } from '@/lib/domain';
import type { ReportDocument } from '../report-document-types';
import type { ReturnReason } from '../types';

/** Everything the receipt (HTML and PDF) shows about one submission (issue 6 §6). */
export type ReceiptView = {
  submissionId: string;
  receiptNumber: string;
  /** The legal filing time. */
  receivedAt: Date;
  status: SubmissionStatus;
  decidedAt: Date | null;
  returnReasons: ReturnReason[];
  late: boolean;
  dueDate: string;
  employer: { name: string; voen: string; dsmfRegNumber: string };
  activity: { code: string; nameAz: string; nameEn: string };
  period: { year: number; quarter: number };
  reportType: ReportDocument['reportType'];
  totals: ReceiptTotals;
  /** How the payments were applied, as signed (schema 2 documents; null for older ones). */
  application: PaymentApplication | null;
  documentHash: string;
  signer: { fin: string; surname: string; name: string; patronymic: string };
  certificateSerial: string;
  signedAt: Date;
  batchId: string | null;
};

export type ReceiptTotals = Pick<
  ReportDocument['totals'],
  | 'mdssEmployerQepik'
  | 'mdssEmployeeQepik'
  | 'paymentsUsedQepik'
  | 'accruedQepik'
  | 'paidQepik'
  | 'debtEndQepik'
  | 'persons'
>;

/** The parts of a stored report document the receipt needs; what the document lacks reads empty. */
export type ReceiptDocumentParts = Pick<
  ReceiptView,
  'employer' | 'activity' | 'period' | 'reportType' | 'totals' | 'application'
> & {
  signatories: { fin: string; surname: string; name: string; patronymic: string }[];
};

const TOTAL_KEYS = [
  'mdssEmployerQepik',
  'mdssEmployeeQepik',
  'paymentsUsedQepik',
  'accruedQepik',
  'paidQepik',
  'debtEndQepik',
  'persons',
] as const;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
const APPLICATION_KEYS = [
  'paidQepik',
  'paidEmployerQepik',
  'paidEmployeeQepik',
  'creditBroughtQepik',
  'toQuarterMdssEmployerQepik',
  'toQuarterMdssEmployeeQepik',
  'toOlderMdssQepik',
  'toPenaltyQepik',
  'toFinesQepik',
  'toOtherQepik',
  'overpaymentQepik',
] as const satisfies readonly (keyof PaymentApplication)[];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const integer = (value: unknown): number => (Number.isSafeInteger(value) ? (value as number) : 0);

/**
 * Reads the receipt's fields out of a stored document's canonical JSON. Stored documents are
 * never rewritten, so this is tolerant: an older or partial shape yields empty fields, not an error.
 */
export function readReceiptDocument(documentJson: string): ReceiptDocumentParts {
  let doc: Record<string, unknown>;
  try {
    doc = record(JSON.parse(documentJson));
  } catch {
    doc = {};
  }
  const employer = record(doc.employer);
  const activity = record(doc.activity);
  const period = record(doc.period);
  const totals = record(doc.totals);
  const application = doc.application === undefined ? null : record(doc.application);
  const signatories = Array.isArray(doc.signatories) ? doc.signatories.map(record) : [];
  return {
    employer: {
      name: text(employer.name),
      voen: text(employer.voen),
      dsmfRegNumber: text(employer.dsmfRegNumber),
    },
    activity: {
      code: text(activity.code),
      nameAz: text(activity.nameAz),
      nameEn: text(activity.nameEn),
    },
    period: { year: integer(period.year), quarter: integer(period.quarter) },
    reportType: doc.reportType === 'CORRECTIVE' ? 'CORRECTIVE' : 'INITIAL',
    totals: Object.fromEntries(
      TOTAL_KEYS.map((key) => [key, integer(totals[key])]),
    ) as ReceiptTotals,
    application: application
      ? (Object.fromEntries(
          APPLICATION_KEYS.map((key) => [key, integer(application[key])]),
        ) as unknown as PaymentApplication)
      : null,
    signatories: signatories.map((s) => ({
      fin: text(s.fin),
      surname: text(s.surname),
      name: text(s.name),
      patronymic: text(s.patronymic),
    })),
  };
}

/** Stored return reasons as the receipt lists them; a reason without texts shows its code. */
export function readReturnReasons(value: unknown): ReturnReason[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const reason = record(item);
    const code = text(reason.code);
    const texts = record(reason.text);
    return {
      code,
      step: text(reason.step),
      text: { az: text(texts.az) || code, en: text(texts.en) || code },
    };
  });
}
