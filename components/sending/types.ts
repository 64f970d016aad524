/** What the sending actions answer (issue 6 §3–§5, §11); every text is already in the user's language. */

/** A signing session the dialog shows: the code, the deadline and who signs with what. */
export type SigningSession = {
  sessionId: string;
  verificationCode: string;
  /** ISO instant. */
  expiresAt: string;
  method: 'ESIGN' | 'ASAN';
  signer: { name: string; certificateSerial: string };
  /** Asan İmza: the phone the request was sent to (E.164). */
  phone?: string;
};

/** A problem (blocking error, unconfirmed warning, return reason) with the step that fixes it. */
export type StepProblem = { text: string; href: string | null; stepLabel: string | null };

export type SubmissionView = {
  submissionId: string;
  reportId: string;
  receiptNumber: string;
  /** 'dd.mm.yyyy hh:mm', Baku time. */
  receivedAt: string;
  status: 'RECEIVED' | 'ACCEPTED' | 'RETURNED';
  returnReasons: StepProblem[];
  late: boolean;
  /** 'dd.mm.yyyy'. */
  dueDate: string;
};

export type Refusal = { ok: false; message: string; problems?: StepProblem[] };

export type StartSendResult = { ok: true; session: SigningSession } | Refusal;

export type CardAnswer = { ok: true; jws: string } | { ok: false; final: boolean; message: string };

export type CompleteSendResult = { ok: true; submission: SubmissionView } | Refusal;

export type CancelResult = { ok: true; message: string } | { ok: false; message: string };

export type QuarterReport = { reportId: string; activityCode: string; reportType: string };

export type ExcludedView = QuarterReport & { message: string; href: string };

export type StartQuarterResult =
  | {
      ok: true;
      batchId: string;
      session: SigningSession;
      included: QuarterReport[];
      excluded: ExcludedView[];
    }
  | { ok: false; message: string; excluded: ExcludedView[] };

export type QuarterResultView =
  | { ok: true; reportId: string; submission: SubmissionView }
  | { ok: false; reportId: string; message: string };

export type CompleteQuarterResult = { ok: true; results: QuarterResultView[] } | Refusal;

export type CorrectiveResult = { ok: false; message: string; openHref: string | null };

/** Status of a signing session as GET /api/signing-sessions/{id} answers it. */
export type SigningStatusView = { status: string; message?: string; expiresAt?: string };

/** A corrective report against the report it replaces (the shape of lib/server's CorrectionDiff). */
export type BeforeAfterView = { beforeQepik: number; afterQepik: number };
export type CorrectionDiffView = {
  replacesReportId: string;
  replacesReceiptNumber: string;
  months: ({ month: string } & BeforeAfterView)[];
  mdss: BeforeAfterView;
  penalty: BeforeAfterView;
  debtEnd: BeforeAfterView;
  persons: { before: number; after: number };
  changes: {
    fin: string;
    name: string;
    month: string;
    kind: 'ADDED' | 'REMOVED' | 'CHANGED';
    incomeBeforeQepik: number;
    incomeAfterQepik: number;
    mdssBeforeQepik: number;
    mdssAfterQepik: number;
  }[];
  changedCount: number;
};
