// Every code any domain module can return, gathered so the catalogue can be checked against it.
import { ACCOUNT_CODES } from '../account/replay-account';
import { ALLOCATION_CODES } from '../allocation';
import { AUTHORITY_CODES } from '../authority';
import { BANK_STATEMENT_CODES } from '../bank-statements/statement-codes';
import { CALENDAR_CODES } from '../calendar';
import { CONTRIBUTION_CODES } from '../contribution';
import { EQUAL_SPLIT_CODES } from '../distribution/equal-split';
import { PAYMENT_SPLIT_CODES } from '../distribution/payment-split';
import { RECONCILIATION_CODES } from '../distribution/reconciliation';
import { IDENTIFIER_CODES } from '../identifiers';
import { MONEY_CODES } from '../money';
import { PENALTY_CODES } from '../penalty';
import { PERIOD_CODES } from '../period';
import { RATIONAL_CODES } from '../rational';
import { BALANCE_CODES } from '../report-rules/balance';
import { REPORT_CHECK_CODES } from '../report-rules/checks';
import { SANCTION_CODES } from '../sanction';

/** Union of the code lists of every module (duplicates removed). ARCHITECTURE.md §6. */
export const DOMAIN_CODES = [
  ...new Set([
    ...MONEY_CODES,
    ...RATIONAL_CODES,
    ...CALENDAR_CODES,
    ...PERIOD_CODES,
    ...IDENTIFIER_CODES,
    ...CONTRIBUTION_CODES,
    ...PENALTY_CODES,
    ...SANCTION_CODES,
    ...ALLOCATION_CODES,
    ...EQUAL_SPLIT_CODES,
    ...PAYMENT_SPLIT_CODES,
    ...ACCOUNT_CODES,
    ...RECONCILIATION_CODES,
    ...BALANCE_CODES,
    ...REPORT_CHECK_CODES,
    ...AUTHORITY_CODES,
    ...BANK_STATEMENT_CODES,
  ]),
];

export type DomainCode =
  | (typeof MONEY_CODES)[number]
  | (typeof RATIONAL_CODES)[number]
  | (typeof CALENDAR_CODES)[number]
  | (typeof PERIOD_CODES)[number]
  | (typeof IDENTIFIER_CODES)[number]
  | (typeof CONTRIBUTION_CODES)[number]
  | (typeof PENALTY_CODES)[number]
  | (typeof SANCTION_CODES)[number]
  | (typeof ALLOCATION_CODES)[number]
  | (typeof EQUAL_SPLIT_CODES)[number]
  | (typeof PAYMENT_SPLIT_CODES)[number]
  | (typeof ACCOUNT_CODES)[number]
  | (typeof RECONCILIATION_CODES)[number]
  | (typeof BALANCE_CODES)[number]
  | (typeof REPORT_CHECK_CODES)[number]
  | (typeof AUTHORITY_CODES)[number]
  | (typeof BANK_STATEMENT_CODES)[number];

export interface MessageText {
  readonly az: string;
  readonly en: string;
}
