// The codes of a whole statement file (as opposed to one line), and every bank-statement code
// gathered for the message catalogue. The readers outside lib/domain return only these.
import { STATEMENT_MATCH_CODES } from './match-lines';
import { STATEMENT_LINE_CODES } from './statement-line';

export const STATEMENT_FILE_CODES = [
  'STATEMENT_EMPTY',
  'STATEMENT_TOO_LARGE',
  'STATEMENT_DOCTYPE_REFUSED',
  'STATEMENT_XML_INVALID',
  'STATEMENT_NOT_CAMT053',
  'STATEMENT_COUNT_MISMATCH',
  'STATEMENT_SUM_MISMATCH',
  'STATEMENT_BALANCE_MISMATCH',
  'STATEMENT_CSV_INVALID',
  'STATEMENT_HEADER_INVALID',
] as const;
export type StatementFileCode = (typeof STATEMENT_FILE_CODES)[number];

export const BANK_STATEMENT_CODES = [
  ...STATEMENT_FILE_CODES,
  ...STATEMENT_LINE_CODES,
  ...STATEMENT_MATCH_CODES,
] as const;
export type BankStatementCode = (typeof BANK_STATEMENT_CODES)[number];

/** Default cap on a statement's size (characters): a busy day is ~10 000 lines, ~10 MB of XML. */
export const DEFAULT_MAX_STATEMENT_CHARS = 32 * 1024 * 1024;
