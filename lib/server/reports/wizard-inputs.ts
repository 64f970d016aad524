import 'server-only';
import { z } from 'zod';
import { ZAmountText, ZFile, ZForm, ZLine, ZMonth, ZText } from '../action-schemas';

// What the report wizard's forms send, as the step actions parse it (ARCHITECTURE.md §4). The
// components import these types, so the form and the action cannot drift apart. Text fields
// stay text here: the use cases (and typedAmount) refuse wrong values with their own words at
// their own field, so the bounds below only stop what no form sends.

/** F7 / F18: one value per month of the quarter, as typed. */
export const ZMonthValues = z.array(z.object({ month: ZMonth, value: ZAmountText })).max(3);
export type MonthValueInput = z.infer<typeof ZMonthValues>[number];

/** F8: one income not subject to MDSS ('' where nothing was chosen yet). */
export const ZNonLiableIncomeInput = z.object({
  reasonCode: ZLine(20),
  month: ZLine(10),
  amount: ZAmountText,
});
export type NonLiableIncomeInput = z.infer<typeof ZNonLiableIncomeInput>;

/** F13–F16: accrued and paid as typed (F15 has no accrued: it is the fund's). */
export const ZLineAmounts = z.object({ accrued: ZAmountText.optional(), paid: ZAmountText });
export type LineAmountsInput = z.infer<typeof ZLineAmounts>;

/** A FIN as typed (7 characters when right; the use case says what is wrong with it). */
export const ZFinText = ZLine(64);

/** F20: the incomes of the quarter's months as typed; '' = not employed that month. */
export const ZIncomeTexts = z.array(ZAmountText).max(3);

/** F20 "Əlavə et". */
export const ZPersonInput = z.object({ fin: ZFinText, incomes: ZIncomeTexts });
export type PersonInput = z.infer<typeof ZPersonInput>;

/** The import's mode; anything but 'append' replaces the list, as the form's default does. */
export const ZImportMode = ZLine(20).transform((mode) =>
  mode === 'append' ? ('append' as const) : ('replace' as const),
);

/** Refused rows corrected in the browser (their shape is the import's to check). */
export const ZImportRows = z.array(z.unknown()).max(5_000);

/** F20 import: the file, the mode and, as JSON, the refused rows corrected in the browser. */
export const ZImportForm = ZForm({
  file: ZFile.optional(),
  mode: ZImportMode.optional(),
  rows: ZText(20_000_000).optional(),
  /** The job row the page polls (issue 15 §6), from startImportAction. */
  job: ZLine(40).optional(),
});

/** F24 "Əlavə et": a person of the report, the list entry and the days or from–to. */
export const ZSeniorityInput = z.object({
  fin: ZFinText,
  entryId: ZLine(20),
  period: ZLine(10),
  days: ZLine(20),
  fromDate: ZLine(20),
  toDate: ZLine(20),
});
export type SeniorityInput = z.infer<typeof ZSeniorityInput>;

/** F25 "AXTAR": a FIN and the document type it is on. */
export const ZSignatoryQuery = z.object({ fin: ZFinText, documentType: ZLine(20) });
export type SignatoryQuery = z.infer<typeof ZSignatoryQuery>;

/** F25 "Əlavə et": the role, and the person looked up again. */
export const ZSignatoryInput = ZSignatoryQuery.extend({ role: ZLine(20) });
export type SignatoryInput = z.infer<typeof ZSignatoryInput>;

/**
 * Check answers: warnings confirmed, each with a reason. The reason's own bound (and its words)
 * is the use case's; this one only stops megabytes.
 */
export const ZWarningConfirmations = z
  .array(z.object({ key: ZLine(200), reason: ZText(10_000) }))
  .max(1_000);
export type WarningConfirmation = z.infer<typeof ZWarningConfirmations>[number];
