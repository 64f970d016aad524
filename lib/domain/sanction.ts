// Late-filing sanction proposal (DOMAIN.md §6): shown to fund staff, never posted automatically.
import { parseIsoDate, type IsoDate } from './calendar';
import { applyRate, type Qepik } from './money';
import { findInForce, type LateFilingSanctionParameters } from './penalty-parameters';
import { err, ok, type Result } from './result';

export const SANCTION_CODES = [
  'INVALID_DATE',
  'RATES_NOT_FOUND',
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
  'INVALID_RATE',
] as const;
export type SanctionCode = (typeof SANCTION_CODES)[number];

/**
 * The sanction to propose when a report is submitted after its due date: rate × MDSS of the
 * report under the parameters in force on the due date; 0 when on time. DOMAIN.md §6.
 */
export function proposeLateFilingSanction(input: {
  readonly mdssQepik: number;
  readonly dueDate: IsoDate;
  readonly submittedOn: IsoDate;
  readonly parameters: readonly LateFilingSanctionParameters[];
}): Result<{ isLate: boolean; sanctionQepik: Qepik }, SanctionCode> {
  const due = parseIsoDate(input.dueDate);
  const submitted = parseIsoDate(input.submittedOn);
  if (!due.ok) return due;
  if (!submitted.ok) return submitted;
  if (!Number.isSafeInteger(input.mdssQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (input.mdssQepik < 0) return err('AMOUNT_NEGATIVE');
  if (submitted.value <= due.value) return ok({ isLate: false, sanctionQepik: 0 as Qepik });
  const inForce = findInForce(input.parameters, input.dueDate);
  if (inForce === null) return err('RATES_NOT_FOUND', { date: input.dueDate });
  const sanction = applyRate(input.mdssQepik, inForce.rate);
  if (!sanction.ok)
    return err(sanction.code === 'INVALID_RATE' ? 'INVALID_RATE' : 'AMOUNT_TOO_LARGE');
  return ok({ isLate: true, sanctionQepik: sanction.value });
}
