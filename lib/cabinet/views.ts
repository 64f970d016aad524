// The ordered registry of the personal cabinet's 17 views (SPEC E2, issue 13 §1). The "Addımlar"
// menu, the stepper ("Geri", "Növbəti"), the page titles, the exports and the links between
// views are all derived from this list, as the wizard's are from lib/report-wizard/steps.ts.
// Pure: no db, no next.

export const CABINET_VIEW_IDS = [
  'V1',
  'V2',
  'V3',
  'V4',
  'V5',
  'V6',
  'V7',
  'V8',
  'V9',
  'V10',
  'V11',
  'V12',
  'V13',
  'V14',
  'V15',
  'V16',
  'V17',
] as const;
export type CabinetViewId = (typeof CABINET_VIEW_IDS)[number];

export interface CabinetViewDefinition {
  readonly id: CabinetViewId;
  /** The view's number in the manual (1–17), shown before its title. */
  readonly number: number;
  /** The URL segment: /cabinet/<slug>. */
  readonly slug: string;
  /** Views 7–16 show one activity code, the one chosen in view 6 (SPEC E2). */
  readonly needsCode: boolean;
  /** A period filter (year, quarter, month) and an "as at" date apply (issue 13 §3). */
  readonly hasPeriod: boolean;
  /** Its tables download as CSV and XLSX (issue 13 §12). */
  readonly exportable: boolean;
}

function view(
  number: number,
  slug: string,
  options: Partial<Pick<CabinetViewDefinition, 'needsCode' | 'hasPeriod' | 'exportable'>> = {},
): CabinetViewDefinition {
  return {
    id: `V${number}` as CabinetViewId,
    number,
    slug,
    needsCode: options.needsCode ?? false,
    hasPeriod: options.hasPeriod ?? false,
    exportable: options.exportable ?? false,
  };
}

/** A money view of one activity code: period filter, "as at" date, downloads. */
const ledger = { needsCode: true, hasPeriod: true, exportable: true } as const;

export const CABINET_VIEWS: readonly CabinetViewDefinition[] = [
  view(1, 'employer'),
  view(2, 'addresses'),
  view(3, 'contacts'),
  view(4, 'bank-accounts', { exportable: true }),
  view(5, 'total-debt', { hasPeriod: true, exportable: true }),
  view(6, 'activity-code'),
  view(7, 'debts', ledger),
  view(8, 'insured-accounts', ledger),
  view(9, 'preferential-seniority', ledger),
  view(10, 'mdss-calculations', ledger),
  view(11, 'payment-allocation', ledger),
  view(12, 'undistributed', ledger),
  view(13, 'penalty', ledger),
  view(14, 'fines', ledger),
  view(15, 'mdss-write-offs', ledger),
  view(16, 'other-write-offs', ledger),
  view(17, 'payments', { hasPeriod: true, exportable: true }),
];

export const FIRST_CABINET_VIEW = CABINET_VIEWS[0]!;

export function cabinetViewBySlug(slug: string): CabinetViewDefinition | undefined {
  return CABINET_VIEWS.find((v) => v.slug === slug);
}

export function cabinetViewById(id: CabinetViewId): CabinetViewDefinition {
  const found = CABINET_VIEWS.find((v) => v.id === id);
  if (!found) throw new Error(`unknown cabinet view ${id}`);
  return found;
}

/** The view after `id` in the manual's order, or null after view 17. */
export function nextCabinetView(id: CabinetViewId): CabinetViewDefinition | null {
  const i = CABINET_VIEWS.findIndex((v) => v.id === id);
  return CABINET_VIEWS[i + 1] ?? null;
}

/** The view before `id`, or null before view 1. */
export function previousCabinetView(id: CabinetViewId): CabinetViewDefinition | null {
  const i = CABINET_VIEWS.findIndex((v) => v.id === id);
  return i > 0 ? (CABINET_VIEWS[i - 1] ?? null) : null;
}
