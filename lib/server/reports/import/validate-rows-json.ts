import 'server-only';
import { z } from 'zod';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../../access';
import type { PersonRowInput } from './person-rows';
import {
  validatePersonRows,
  type ImportMode,
  type PersonRowsValidation,
} from './validate-person-rows';
import { AppError } from '../../errors';

export const MAX_JSON_ROWS = 100_000;

const ZPersonRow = z.object({
  line: z.number().int().positive().optional(),
  fin: z.string().max(64),
  surname: z.string().max(200).optional().default(''),
  name: z.string().max(200).optional().default(''),
  incomes: z.array(z.string().max(64).nullable()).length(3),
});
export const ZPersonRows = z.array(ZPersonRow).max(MAX_JSON_ROWS);

/** Checks the shape of rows sent as JSON; rows without a line number are numbered from 2 (as under a header). */
export function parseRowsJson(rows: unknown): PersonRowInput[] {
  const parsed = ZPersonRows.safeParse(rows);
  if (!parsed.success) {
    const index = parsed.error.issues[0]?.path[0];
    const line = typeof index === 'number' ? index + 2 : undefined;
    throw new AppError('ROW_SHAPE', line === undefined ? {} : { line });
  }
  return parsed.data.map((r, i) => ({
    line: r.line ?? i + 2,
    fin: r.fin,
    surname: r.surname,
    name: r.name,
    incomes: r.incomes,
  }));
}

/**
 * The import validator for rows the user fixed in the browser (or the payroll API sends):
 * already-parsed rows {line, fin, surname, name, incomes: [amount text ×3]} through exactly the
 * checks a file's rows get (issue 5 §8). Amounts are text in AZN, as typed.
 */
export async function validateRowsJson(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; mode: ImportMode; rows: unknown },
): Promise<PersonRowsValidation> {
  return validatePersonRows(db, scope, {
    reportId: input.reportId,
    mode: input.mode,
    rows: parseRowsJson(input.rows),
  });
}
