// The projection form of views 5 and 13 (issue 13 §10): "if you pay X ₼ on date D". Pure: the
// caller passes today's Baku date. The amount is read by the one parser of typed amounts
// (DOMAIN.md §1), so "1 234,56" works as in the wizard; a value that cannot be read is a field
// error, never a silent default.
import { addDays, isIsoDate, type IsoDate } from '@/lib/domain/calendar';
import { parseAmount } from '@/lib/domain/money-format';
import type { CabinetQuery } from './query';

/** How far ahead a projection may look: two years (the cap is a year; more says nothing new). */
export const PROJECTION_MAX_DAYS = 730;

export const PROJECTION_INPUT_CODES = [
  'AMOUNT_NOT_A_NUMBER',
  'AMOUNT_TOO_MANY_DECIMALS',
  'AMOUNT_NEGATIVE',
  'AMOUNT_TOO_LARGE',
  'DATE_INVALID',
  'DATE_PAST',
  'DATE_TOO_FAR',
] as const;
export type ProjectionInputCode = (typeof PROJECTION_INPUT_CODES)[number];

export interface ProjectionInput {
  /** X in qəpik, or null: the whole debt on D. */
  readonly amountQepik: number | null;
  readonly payOn: IsoDate;
  /** The latest date the form accepts. */
  readonly maxDate: IsoDate;
  readonly errors: Partial<Record<'payX' | 'payOn', ProjectionInputCode>>;
  /** What the fields show again: the text as typed. */
  readonly typed: { readonly payX: string; readonly payOn: string };
}

export function readProjectionInput(query: CabinetQuery, today: IsoDate): ProjectionInput {
  const errors: { payX?: ProjectionInputCode; payOn?: ProjectionInputCode } = {};
  const max = addDays(today, PROJECTION_MAX_DAYS);
  const maxDate = max.ok ? max.value : today;
  let amountQepik: number | null = null;
  const amountText = query.payX ?? '';
  if (amountText !== '') {
    const parsed = parseAmount(amountText);
    if (parsed.ok) amountQepik = parsed.value;
    else
      errors.payX =
        parsed.code === 'AMOUNT_TOO_MANY_DECIMALS' ||
        parsed.code === 'AMOUNT_NEGATIVE' ||
        parsed.code === 'AMOUNT_TOO_LARGE'
          ? parsed.code
          : 'AMOUNT_NOT_A_NUMBER';
  }
  let payOn = today;
  const dateText = query.payOn ?? '';
  if (dateText !== '') {
    if (!isIsoDate(dateText)) errors.payOn = 'DATE_INVALID';
    else if (dateText < today) errors.payOn = 'DATE_PAST';
    else if (dateText > maxDate) errors.payOn = 'DATE_TOO_FAR';
    else payOn = dateText;
  }
  return { amountQepik, payOn, maxDate, errors, typed: { payX: amountText, payOn: dateText } };
}
