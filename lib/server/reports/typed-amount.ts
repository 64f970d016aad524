import 'server-only';
import { parseAmount, type MoneyCode } from '@/lib/domain';
import { APP_ERROR_CODES, AppError, type AppErrorCode, type AppErrorParams } from '../errors';

const CODES: ReadonlySet<string> = new Set(APP_ERROR_CODES);

/** parseAmount's codes are all AppError codes; anything else it might grow is "not valid". */
const codeOf = (code: MoneyCode): AppErrorCode =>
  CODES.has(code) ? (code as AppErrorCode) : 'AMOUNT_INVALID';

/**
 * An amount as the person typed it ("1 234,56") in qəpik, or the coded refusal at its field
 * (DOMAIN.md §1): the one parse of a typed amount for every wizard form. Run several through
 * checkEveryField so the error summary lists each wrong one.
 */
export function typedAmount(text: string, field: string): number {
  const parsed = parseAmount(text);
  if (parsed.ok) return parsed.value;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(parsed.params ?? {}))
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  throw new AppError(codeOf(parsed.code), { field, params: params as AppErrorParams });
}
