import type { ActionRefusal } from '../types';

/** An action of the persons steps that stays on the page: success may carry a message to announce. */
export type PersonsResult = { ok: true; message?: string } | ActionRefusal;

/** Monthly incomes as typed, one per month of the quarter ('' = not employed that month). */
export type IncomeTexts = [string, string, string];

export type MonthColumn = { month: string; label: string };

/** One refused cell of an import, in the user's language. */
export type ImportCell = { line: number; column: string; message: string; value: string };

/** A row of the persons table as the import reads it; amounts as text. */
export type ImportRow = {
  line: number;
  fin: string;
  surname: string;
  name: string;
  incomes: string[];
};

export type ImportOutcome =
  | { ok: true; message: string; warnings: ImportCell[] }
  | {
      ok: false;
      message: string;
      field?: string;
      cells: ImportCell[];
      rows: ImportRow[];
      truncated: boolean;
    };

export type FoundPerson = { fin: string; fullName: string; documentType: string };

export type FindResult = { ok: true; person: FoundPerson } | ActionRefusal;
