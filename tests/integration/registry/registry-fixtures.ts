import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  reports,
  reportStatusHistory,
  signedDocuments,
  signingSessions,
  submissions,
  type ReportStatus,
} from '@/db/schema';
import { seedEmployer } from '@/db/seed/employers';
import type { DbOrTx } from '@/db/types';
import { documentViewJson } from '@/lib/server/submissions/receive-submission';
import type { ReportDocument } from '@/lib/server/submissions/report-document-types';
import { demoActor } from '../helpers/identity-fixtures';

// Sent reports for the registry tests, written directly: the sending core is built alongside,
// and these tests only need the rows it leaves behind.

/** Marks a report as sent (the registry columns the sending core fills). */
export async function markSent(
  db: DbOrTx,
  reportId: string,
  values: {
    status?: Exclude<ReportStatus, 'DRAFT'>;
    receiptNumber?: string;
    sentAt?: Date;
    decidedAt?: Date | null;
    mdssQepik?: number;
    debtEndQepik?: number;
    personsCount?: number;
  } = {},
): Promise<void> {
  await db
    .update(reports)
    .set({
      status: values.status ?? 'SENT',
      receiptNumber: values.receiptNumber ?? null,
      sentAt: values.sentAt ?? new Date('2025-10-15T08:00:00Z'),
      decidedAt: values.decidedAt ?? null,
      mdssQepik: values.mdssQepik ?? 0,
      debtEndQepik: values.debtEndQepik ?? 0,
      personsCount: values.personsCount ?? 0,
    })
    .where(eq(reports.id, reportId));
}

/** A minimal document of the shape the sending core signs, with `persons` as given. */
export function sampleDocument(
  reportId: string,
  persons: ReportDocument['persons'],
): ReportDocument {
  const employer = seedEmployer('xezer');
  return {
    schema: 'hesabat.report/1',
    reportId,
    reportType: 'INITIAL',
    replacesReportId: null,
    version: 3,
    employer: { id: employer.id, name: 'Xəzər', voen: '1234567891', dsmfRegNumber: '0000000001' },
    activity: {
      code: '62.01',
      nameAz: 'Proqramlaşdırma',
      nameEn: 'Programming',
      sector: 'PRIVATE',
    },
    period: { year: 2025, quarter: 3, months: ['2025-07', '2025-08', '2025-09'] },
    debtStartQepik: 10_000,
    months: [
      { month: '2025-07', labourPaymentsQepik: 100_000, headcount: 1 },
      { month: '2025-08', labourPaymentsQepik: 100_000, headcount: 1 },
      { month: '2025-09', labourPaymentsQepik: 100_000, headcount: 1 },
    ],
    nonLiableIncome: [],
    payments: [],
    lines: [{ category: 'PENALTY', accruedQepik: 0, paidQepik: 0 }],
    writeOffsQepik: 0,
    totals: {
      mdssEmployerQepik: 66_000,
      mdssEmployeeQepik: 9_000,
      paymentsUsedQepik: 0,
      accruedQepik: 75_000,
      paidQepik: 0,
      debtEndQepik: 85_000,
      distributedQepik: 0,
      undistributedQepik: 0,
      persons: persons.length,
    },
    contributions: [],
    persons,
    seniority: [],
    signatories: [],
    confirmations: {},
  };
}

/** A signed submission of the report with its RECEIVED history row; returns the submission id. */
export async function insertSubmission(
  db: DbOrTx,
  reportId: string,
  options: {
    employerKey?: string;
    receiptNumber: string;
    receivedAt: Date;
    document: ReportDocument;
    /** Also the view document the sending core writes (without it: a legacy submission). */
    withView?: boolean;
  },
): Promise<string> {
  const employer = seedEmployer(options.employerKey ?? 'xezer');
  const actor = demoActor(options.employerKey === 'kur' ? 'kur-director' : 'xezer-director');
  const json = JSON.stringify(options.document);
  const sessionId = randomUUID();
  await db.insert(signingSessions).values({
    id: sessionId,
    purpose: 'SIGN',
    method: 'ESIGN',
    certificateSerial: actor.certificateSerial,
    employerId: employer.id,
    documentKind: 'REPORT',
    payload: json,
    hash: 'h',
    verificationCode: '0000',
    status: 'OK',
    expiresAt: new Date(options.receivedAt.getTime() + 60_000),
  });
  const signedId = randomUUID();
  await db.insert(signedDocuments).values({
    id: signedId,
    employerId: employer.id,
    documentKind: 'REPORT',
    canonicalJson: json,
    hash: 'h',
    jws: 'jws',
    certificateSerial: actor.certificateSerial,
    signerFin: actor.fin,
    signingSessionId: sessionId,
    signedAt: options.receivedAt,
  });
  const id = randomUUID();
  await db.insert(submissions).values({
    id,
    employerId: employer.id,
    reportId,
    receiptNumber: options.receiptNumber,
    receivedAt: options.receivedAt,
    documentJson: json,
    documentViewJson: options.withView ? documentViewJson(options.document) : null,
    documentHash: 'h',
    signedDocumentId: signedId,
    signerFin: actor.fin,
    certificateSerial: actor.certificateSerial,
    dueDate: '2025-10-20',
    late: false,
  });
  await db.insert(reportStatusHistory).values({
    reportId,
    employerId: employer.id,
    submissionId: id,
    status: 'RECEIVED',
    actor: 'SYSTEM',
    at: options.receivedAt,
  });
  return id;
}
