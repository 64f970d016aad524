import 'server-only';
import { isIsoDate, parseMonthKey } from '@/lib/domain';
import { WRITE_OFF_CATEGORIES, type WriteOffCategory } from '@/db/schema';
import { AppError } from '../../errors';
import { typedAmount } from '../../reports/typed-amount';

// Reading the fine and write-off forms (issue 14 §6): each field refused at its own name, the
// amount typed as the wizard's are (lib/domain parseAmount: "1 234,56"), never a float.

/** The basis texts' limit, and the decision reason's. */
export const BASIS_MAX = 500;

export function basisOf(text: string, field = 'basis'): string {
  const basis = text.trim().replace(/\s+/g, ' ');
  if (basis === '') throw new AppError('DEBT_BASIS_REQUIRED', { field });
  if (basis.length > BASIS_MAX)
    throw new AppError('TEXT_TOO_LONG', { field, params: { max: BASIS_MAX } });
  return basis;
}

/** A positive amount as typed, in qəpik. */
export function positiveAmount(text: string, field = 'amount'): number {
  const qepik = typedAmount(text, field);
  if (qepik <= 0) throw new AppError('AMOUNT_NOT_POSITIVE', { field });
  return qepik;
}

/** 'YYYY-MM-DD' or 'dd.mm.yyyy', not after `today`. */
export function pastDate(text: string, today: string, field = 'date'): string {
  const trimmed = text.trim();
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(trimmed);
  const iso = dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : trimmed;
  if (!isIsoDate(iso) || iso < '2000-01-01') throw new AppError('DEBT_DATE_INVALID', { field });
  if (iso > today) throw new AppError('DEBT_DATE_IN_FUTURE', { field, params: { today } });
  return iso;
}

/** A month 'YYYY-MM' (from `<input type="month">` or typed), not after this month. */
export function pastMonth(text: string, today: string, field: string): string {
  const month = text.trim();
  const parsed = parseMonthKey(month);
  if (!parsed.ok || parsed.value.year < 2000) throw new AppError('DEBT_PERIOD_INVALID', { field });
  if (month > today.slice(0, 7)) throw new AppError('DEBT_PERIOD_IN_FUTURE', { field });
  return month;
}

export function writeOffCategory(text: string, field = 'category'): WriteOffCategory {
  const found = WRITE_OFF_CATEGORIES.find((c) => c === text);
  if (!found) throw new AppError('DEBT_CATEGORY_INVALID', { field });
  return found;
}
