/** What the /verify page shows of a check (mirrors lib/server/verify/types, never imports it). */
export type VerifyOutcome =
  | {
      valid: true;
      code: 'VALID';
      details: {
        receiptNumber: string;
        receivedAt: string;
        employerName: string;
        period: { year: number; quarter: number };
        reportType: 'INITIAL' | 'CORRECTIVE';
        documentHash: string;
        signerName: string;
        signerFinMasked: string;
        status: 'RECEIVED' | 'ACCEPTED' | 'RETURNED';
      };
    }
  | { valid: false; code: 'NOT_FOUND' | 'HASH_MISMATCH' | 'SIGNATURE_INVALID' | 'FILE_INVALID' };

/** The file check's form state: idle, refused input (with the message), or an outcome. */
export type VerifyFileState =
  | { status: 'idle' }
  | { status: 'error'; message: string }
  | { status: 'checked'; fileName: string; outcome: VerifyOutcome };
