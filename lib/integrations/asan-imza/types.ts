/** A request waiting on the holder's phone (SPEC A3: service name and verification code). */
export type AsanPendingRequest = {
  sessionId: string;
  certificateSerial: string;
  /** LOGIN asks for PIN1, SIGN for PIN2 (DOMAIN.md §9). */
  purpose: 'LOGIN' | 'SIGN';
  verificationCode: string;
  expiresAt: Date;
  documentKind: string | null;
};

/**
 * Port to the Asan İmza service, phone side: what a phone number has to confirm. The simulated
 * adapter reads our pending signing sessions; a real integration would be the operator's app.
 */
export type AsanImzaService = {
  /** Pending, unexpired requests for the registrations on this phone (E.164), newest first. */
  listPendingRequests(phone: string, at: Date): Promise<AsanPendingRequest[]>;
};
