import 'server-only';
import { checkEnteredAmount, MAX_AMOUNT_QEPIK, validateFin } from '@/lib/domain';
import { AppError } from '../../errors';

/** Monthly incomes for the quarter's three months, in qəpik; null = not employed that month. */
export type IncomesQepik = readonly [number | null, number | null, number | null];

/**
 * A FIN as the form and the import accept it (DOMAIN.md §9): normalised, then valid under the
 * ID-card (DİN) or the residence-permit (Miqrasiya) rule. The person list does not ask for the
 * document type, so either rule admits the FIN; the registry then decides whether it exists.
 */
export function normalizePersonFin(
  input: unknown,
): { ok: true; fin: string } | { ok: false; code: 'FIN_EMPTY' | 'FIN_FORMAT' } {
  const text = typeof input === 'string' ? input : '';
  const din = validateFin(text, 'DIN');
  if (din.ok) return { ok: true, fin: din.value };
  if (din.code === 'FIN_EMPTY') return { ok: false, code: 'FIN_EMPTY' };
  const permit = validateFin(text, 'MIGRATION');
  return permit.ok ? { ok: true, fin: permit.value } : { ok: false, code: 'FIN_FORMAT' };
}

/** normalizePersonFin for forms: throws the field error instead of answering it. */
export function requirePersonFin(input: unknown): string {
  const result = normalizePersonFin(input);
  if (!result.ok) throw new AppError(result.code, { field: 'fin' });
  return result.fin;
}

/**
 * Checks the three monthly incomes of the form (F20): each null or whole qəpik, ≥ 0 and at most
 * MAX_AMOUNT_QEPIK (DOMAIN.md §1, issue 10 §5). The form parses typed amounts with lib/domain
 * parseAmount before this.
 */
export function requireIncomes(input: unknown): IncomesQepik {
  if (!Array.isArray(input) || input.length !== 3) {
    throw new AppError('INCOMES_COUNT', { field: 'incomes' });
  }
  input.forEach((value: unknown, index) => {
    if (value === null) return;
    const checked = checkEnteredAmount(value);
    if (checked.ok) return;
    if (checked.code === 'AMOUNT_TOO_LARGE') {
      throw new AppError('AMOUNT_TOO_LARGE', {
        field: `incomes.${index}`,
        params: { maxQepik: MAX_AMOUNT_QEPIK },
      });
    }
    throw new AppError('AMOUNT_INVALID', { field: `incomes.${index}` });
  });
  return [input[0] as number | null, input[1] as number | null, input[2] as number | null];
}
