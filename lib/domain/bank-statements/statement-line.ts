// The normalized line of a bank statement (issue 14 §5): what the camt.053 and CSV readers
// produce, and the pure rules that turn a line's raw text fields into one. The readers only
// extract text; every check (amount, currency, date, reference, credit) lives here, so both
// formats flag exactly the same things with the same codes.
import { isIsoDate, type IsoDate } from '../calendar';
import type { Qepik } from '../money';
import { parseAmount } from '../money-format';
import type { MessageParams } from '../result';

export const STATEMENT_LINE_CODES = [
  'LINE_REFERENCE_MISSING',
  'LINE_DATE_INVALID',
  'LINE_AMOUNT_INVALID',
  'LINE_CURRENCY_NOT_AZN',
  'LINE_NOT_CREDIT',
  'LINE_REVERSAL',
  'LINE_NOT_BOOKED',
  'LINE_COLUMN_COUNT',
  'LINE_BATCH_SUM_MISMATCH',
] as const;
export type StatementLineCode = (typeof STATEMENT_LINE_CODES)[number];

/**
 * One credit to the fund's account, ready for matching. `bankReference` is the bank's own
 * reference (camt `Ntry/AcctSvcrRef`, CSV `bank_reference`): the bank guarantees it unique per
 * booked movement, so it is the key against recording a payment twice. `EndToEndId` is the
 * payer's reference and repeats (e.g. 'MDSS-2026-10' every month), so it is kept only as text.
 */
export interface StatementLine {
  /** 1-based: camt entry (and transaction, for a batch entry) order; CSV: the file line number. */
  readonly index: number;
  readonly bankReference: string;
  readonly bookingDate: IsoDate;
  /** The payment date for penalty purposes; the booking date when the bank gives none. */
  readonly valueDate: IsoDate;
  readonly amountQepik: Qepik;
  readonly currency: 'AZN';
  readonly payerName: string | null;
  /** As found (structured id, else 'VÖEN 1234567891' in the remittance text); not yet validated. */
  readonly payerVoen: string | null;
  readonly payerIban: string | null;
  /** The first standalone six-digit number of the remittance text (DOMAIN.md §8), if any. */
  readonly classCode: string | null;
  readonly remittance: string;
  readonly endToEndId: string | null;
}

/** A coded problem of one line (`index` as in StatementLine) or of the whole statement (0). */
export interface StatementProblem<C extends string = string> {
  readonly index: number;
  readonly code: C;
  readonly bankReference?: string;
  readonly params?: MessageParams;
}

/** The text fields a reader extracts for one line, before any rule is applied. */
export interface RawStatementLine {
  readonly index: number;
  readonly bankReference: string | null;
  readonly bookingDate: string | null;
  readonly valueDate: string | null;
  readonly amount: string | null;
  readonly currency: string | null;
  /** camt CdtDbtInd; CSV has none (a negative amount is a debit there). */
  readonly direction: 'CRDT' | 'DBIT' | string | null;
  readonly reversal?: boolean;
  /** camt Sts; only BOOK entries are money that has arrived. */
  readonly status?: string | null;
  readonly payerName: string | null;
  readonly payerVoen: string | null;
  readonly payerIban: string | null;
  readonly remittance: string;
  readonly endToEndId: string | null;
}

// Bank files write a plain decimal: digits, optionally a dot and one or two decimals. The
// grouped and comma forms parseAmount accepts for typed input are not bank formats.
const STATEMENT_AMOUNT = /^-?\d+(?:\.\d{1,2})?$/;
const SIX_DIGITS = /(?<!\d)\d{6}(?!\d)/;
const VOEN_IN_TEXT = /V[OÖ]EN\s*[:#№-]?\s*(\d{10})(?!\d)/i;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T.*)?$/;

/**
 * A statement amount ('4885.28', '1234.5', '0.01') in qəpik, exactly (string arithmetic via
 * parseAmount, never a float); negative values are returned negative. Null for anything else,
 * more than two decimals, or more than MAX_AMOUNT_QEPIK.
 */
export function qepikFromStatementAmount(text: string): Qepik | null {
  const trimmed = text.trim();
  if (!STATEMENT_AMOUNT.test(trimmed)) return null;
  const parsed = parseAmount(trimmed, { allowNegative: true });
  return parsed.ok ? parsed.value : null;
}

/**
 * A statement total (`Sum`, a balance) in qəpik as a bigint: exact, signed, and not capped at
 * MAX_AMOUNT_QEPIK, since a day's total may exceed what one payment may be.
 */
export function totalQepikFromStatementAmount(text: string): bigint | null {
  const trimmed = text.trim();
  if (!STATEMENT_AMOUNT.test(trimmed)) return null;
  const negative = trimmed.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? trimmed.slice(1) : trimmed).split('.');
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -magnitude : magnitude;
}

/** The classification code of a remittance text: its first standalone six-digit number. */
export function classCodeFromRemittance(text: string): string | null {
  return SIX_DIGITS.exec(text)?.[0] ?? null;
}

/** A VÖEN the payer typed into the remittance text ('VÖEN: 1402345671'), when not structured. */
export function voenFromRemittance(text: string): string | null {
  return VOEN_IN_TEXT.exec(text)?.[1] ?? null;
}

/** 'YYYY-MM-DD' or the date part of an ISO date-time; null when not an existing date. */
export function statementDate(text: string | null): IsoDate | null {
  const match = text === null ? null : DATE_TIME.exec(text.trim());
  const date = match?.[1];
  return date !== undefined && isIsoDate(date) ? date : null;
}

function blankToNull(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Applies the line rules: a line only when every check passes, otherwise all its problems.
 * Debits, reversals and unbooked entries are flagged, not returned: recording a reversal is a
 * separate, deliberate step (reference doc: "a reversing entry, never an edit").
 */
export function buildStatementLine(
  raw: RawStatementLine,
):
  | { readonly ok: true; readonly line: StatementLine }
  | { readonly ok: false; readonly problems: readonly StatementProblem<StatementLineCode>[] } {
  const problems: StatementProblem<StatementLineCode>[] = [];
  const reference = blankToNull(raw.bankReference);
  const at = (code: StatementLineCode, params?: MessageParams): void => {
    problems.push({
      index: raw.index,
      code,
      ...(reference === null ? {} : { bankReference: reference }),
      ...(params === undefined ? {} : { params }),
    });
  };
  if (reference === null) at('LINE_REFERENCE_MISSING');
  const bookingDate = statementDate(raw.bookingDate);
  const valueText = blankToNull(raw.valueDate);
  const valueDate = valueText === null ? bookingDate : statementDate(valueText);
  if (bookingDate === null || valueDate === null) {
    at('LINE_DATE_INVALID', { date: (bookingDate === null ? raw.bookingDate : valueText) ?? '' });
  }
  const amount = raw.amount === null ? null : qepikFromStatementAmount(raw.amount);
  if (amount === null || amount === 0) at('LINE_AMOUNT_INVALID', { amount: raw.amount ?? '' });
  const currency = blankToNull(raw.currency)?.toUpperCase() ?? '';
  if (currency !== 'AZN') at('LINE_CURRENCY_NOT_AZN', { currency });
  const debit = raw.direction === 'DBIT' || (amount !== null && amount < 0);
  if (debit || (raw.direction !== null && raw.direction !== 'CRDT')) at('LINE_NOT_CREDIT');
  if (raw.reversal === true) at('LINE_REVERSAL');
  if (raw.status != null && raw.status !== 'BOOK') at('LINE_NOT_BOOKED');
  if (problems.length > 0 || reference === null || bookingDate === null || valueDate === null) {
    return { ok: false, problems };
  }
  const remittance = raw.remittance.trim();
  return {
    ok: true,
    line: {
      index: raw.index,
      bankReference: reference,
      bookingDate,
      valueDate,
      amountQepik: amount as Qepik,
      currency: 'AZN',
      payerName: blankToNull(raw.payerName),
      payerVoen: blankToNull(raw.payerVoen)?.replace(/\s+/g, '') ?? voenFromRemittance(remittance),
      payerIban: blankToNull(raw.payerIban)?.replace(/\s+/g, '').toUpperCase() ?? null,
      classCode: classCodeFromRemittance(remittance),
      remittance,
      endToEndId: blankToNull(raw.endToEndId),
    },
  };
}

/** What either reader returns: the good lines and every problem, in file order. Never throws. */
export interface StatementParseResult {
  readonly lines: readonly StatementLine[];
  readonly problems: readonly StatementProblem[];
}
