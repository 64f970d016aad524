/** What the login actions answer; messages are already in the user's language. */
export type StartLoginResult =
  | { ok: true; sessionId: string; verificationCode: string; expiresAt: string }
  | {
      ok: false;
      message: string;
      field?: 'phone' | 'userId' | 'certificate';
      values?: Record<string, string>;
    };

export type CardAnswerResult =
  { ok: true; jws: string } | { ok: false; message: string; final: boolean };

export type FinishLoginResult = { ok: false; message: string };

export type CardCertificate = {
  serial: string;
  holder: string;
  cardNumber: string;
  validTo: string;
};

export type SigningStatusView = { status: string; message?: string; expiresAt?: string };
