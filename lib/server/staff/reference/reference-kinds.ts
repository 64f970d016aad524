// The kinds of reference data the administrator edits (issue 14 §11). Shared by the use cases,
// the pages (as URL segments) and the forms (as the form's kind field).

export const CODE_KINDS = [
  'activity-codes',
  'economic-codes',
  'non-liable-reasons',
  'seniority',
] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

export const REFERENCE_KINDS = ['holidays', 'regimes', 'penalty', ...CODE_KINDS] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export function isReferenceKind(value: string): value is ReferenceKind {
  return (REFERENCE_KINDS as readonly string[]).includes(value);
}

export function isCodeKind(value: string): value is CodeKind {
  return (CODE_KINDS as readonly string[]).includes(value);
}

/** The lists' page size. */
export const REFERENCE_PAGE_SIZE = 25;

/** The tiers a regime form offers per side (the first one from 0). */
export const REGIME_TIER_COUNT = 3;
