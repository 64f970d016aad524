// Field-level texts (money, dates, identifiers) in the fixed patterns of ARCHITECTURE.md §6:
// "Enter …" for empty fields, "Must be …" for format errors.
import { MAX_AMOUNT_QEPIK } from '../money';
import { formatAmount } from '../money-format';
import type { MessageText } from './codes';

export const FIELD_MESSAGES = {
  AMOUNT_EMPTY: { az: 'Məbləği daxil edin', en: 'Enter an amount' },
  AMOUNT_NOT_A_NUMBER: {
    az: 'Məbləğ rəqəmlə olmalıdır, məsələn 1 234,56',
    en: 'Must be an amount like 1234.56',
  },
  AMOUNT_TOO_MANY_DECIMALS: {
    az: 'Vergüldən sonra ən çox 2 rəqəm olmalıdır',
    en: 'Must have at most 2 digits after the decimal point',
  },
  AMOUNT_NEGATIVE: { az: 'Məbləğ mənfi ola bilməz', en: 'Amount cannot be negative' },
  // The limit is written from the constant, so the text cannot drift from the rule; the error
  // also carries it as `maxQepik` for callers that show it apart (issue 10 §5).
  AMOUNT_TOO_LARGE: {
    az: `Məbləğ ${formatAmount(MAX_AMOUNT_QEPIK, 'az')}-dan çox ola bilməz`,
    en: `The amount cannot exceed ${formatAmount(MAX_AMOUNT_QEPIK, 'en')}`,
  },
  TOTAL_TOO_LARGE: {
    az: 'Məbləğlərin cəmi çox böyükdür, hesablana bilmir',
    en: 'The total of the amounts is too large to compute',
  },
  AMOUNT_NOT_INTEGER_QEPIK: {
    az: 'Məbləğ tam qəpiklə olmalıdır',
    en: 'Must be a whole number of qəpik',
  },
  INVALID_RATE: { az: 'Dərəcə düzgün deyil', en: 'The rate is not valid' },
  INVALID_PART_COUNT: {
    az: 'Hissələrin sayı müsbət tam ədəd olmalıdır',
    en: 'The number of parts must be a positive whole number',
  },
  INVALID_DATE: {
    az: 'Tarix mövcud olmalıdır, məsələn 2025-03-31',
    en: 'Must be a real date, like 2025-03-31',
  },
  UNKNOWN_MONTH: { az: 'Ay tanınmadı: {month}', en: 'Unknown month: {month}' },
  INVALID_QUARTER: { az: 'Rüb 1-dən 4-ə qədər olmalıdır', en: 'Quarter must be 1 to 4' },
  FIN_EMPTY: { az: 'FİN-i daxil edin', en: 'Enter the FIN' },
  FIN_NON_LATIN: {
    az: 'Yalnız latın hərfləri (A–Z) və rəqəmlər olmalıdır',
    en: 'Must be only Latin letters A–Z and digits',
  },
  FIN_DIN_FORMAT: {
    az: '7 hərf və ya rəqəm olmalıdır (I və O olmadan)',
    en: 'Must be exactly 7 letters or digits (no I or O)',
  },
  FIN_MIGRATION_FORMAT: {
    az: '5–7 hərf və ya rəqəm olmalıdır',
    en: 'Must be 5 to 7 letters or digits',
  },
  VOEN_EMPTY: { az: 'VÖEN-i daxil edin', en: 'Enter the VÖEN' },
  VOEN_FORMAT: {
    az: '10 rəqəm olmalıdır, sonuncusu 1 və ya 2',
    en: 'Must be exactly 10 digits ending in 1 or 2',
  },
  MOBILE_EMPTY: { az: 'Mobil nömrəni daxil edin', en: 'Enter the mobile number' },
  MOBILE_FORMAT: {
    az: 'Mobil nömrə olmalıdır, məsələn 050 123 45 67',
    en: 'Must be a mobile number like 050 123 45 67',
  },
  ASAN_USER_ID_EMPTY: { az: 'İstifadəçi ID-ni daxil edin', en: 'Enter the User ID' },
  ASAN_USER_ID_FORMAT: { az: '6 rəqəm olmalıdır', en: 'Must be exactly 6 digits' },
  PIN1_FORMAT: { az: '4 rəqəm olmalıdır', en: 'Must be exactly 4 digits' },
  PIN2_FORMAT: { az: '5 rəqəm olmalıdır', en: 'Must be exactly 5 digits' },
  CARD_NUMBER_EMPTY: { az: 'Kartın nömrəsini daxil edin', en: 'Enter the card number' },
  CARD_NUMBER_NON_LATIN: {
    az: 'Yalnız latın hərfləri (A–Z) və rəqəmlər olmalıdır',
    en: 'Must be only Latin letters A–Z and digits',
  },
  CARD_NUMBER_FORMAT: {
    az: '6–20 hərf və ya rəqəm olmalıdır',
    en: 'Must be 6 to 20 letters or digits',
  },
  DSMF_NUMBER_EMPTY: {
    az: 'Qeydiyyat nömrəsini daxil edin',
    en: 'Enter the registration number',
  },
  DSMF_NUMBER_FORMAT: { az: '5–15 rəqəm olmalıdır', en: 'Must be 5 to 15 digits' },
} as const satisfies Record<string, MessageText>;
