/** What the create action answers: the token once, or the refusal in the user's language. */
export type CreateTokenState =
  | { status: 'idle' }
  | { status: 'created'; name: string; token: string }
  | { status: 'refused'; name: string; message: string };

/** A list row as the page passes it to the client (dates already formatted). */
export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
