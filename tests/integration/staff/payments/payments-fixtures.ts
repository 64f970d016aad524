import { randomBytes } from 'node:crypto';
import type { FixtureLine } from '@/tests/fixtures/bank-statements/write-statements';

// Statement lines for the staff payments tests: fresh bank references on every call, so a test
// (or the e2e run) never collides with an earlier one.

export const XEZER_VOEN = '1402345671';
export const KUR_VOEN = '1500678911';
export const SCHOOL_VOEN = '1700456792';
/** A valid VÖEN no employer is registered under. */
export const UNKNOWN_VOEN = '1999999991';

export function freshReference(prefix = 'T'): string {
  return `${prefix}${randomBytes(6).toString('hex').toUpperCase()}`;
}

export function line(
  voen: string,
  amount: string,
  remittance = '121111 MDSS oktyabr 2026',
  reference = freshReference(),
): FixtureLine {
  return {
    reference,
    bookingDate: '2026-11-12',
    valueDate: '2026-11-11',
    amount,
    payerName: 'Payer',
    voen,
    iban: 'AZ21AIIB38090019440100206101',
    remittance,
  };
}

export const bytes = (text: string) => new TextEncoder().encode(text);
