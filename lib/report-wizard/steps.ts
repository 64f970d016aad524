// The ordered step registry of the report wizard (ARCHITECTURE.md §4, SPEC F4–F25). The
// "Addımlar" menu, next/back, the check-answers page and the links from messages back to the
// step that fixes them are all derived from this list. Pure: no db, no next.

/** Steps with a page inside a draft. F1–F3 are the creation steps and have no page in a draft. */
export const STEP_IDS = [
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'F10',
  'F11',
  'F12',
  'F13',
  'F14',
  'F15',
  'F16',
  'F17',
  'F18',
  'F19',
  'F20',
  'F21',
  'F22',
  'F23',
  'F24',
  'F25',
  'REVIEW',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export type StepStatus = 'not-started' | 'in-progress' | 'complete' | 'has-errors';

/**
 * What the step functions need to know of a draft; the server builds it in one read
 * (getDraftSummary). Months are the quarter's three months in order.
 */
export interface DraftSummary {
  readonly reportType: 'INITIAL' | 'CORRECTIVE';
  readonly status: string;
  /** Steps saved with "Növbəti"/"DAVAM ET" (reports.step_state keys). */
  readonly savedSteps: readonly string[];
  readonly paymentCount: number;
  readonly nonLiableIncomeCount: number;
  /** Months of the quarter with labour payments / headcount entered (0–3). */
  readonly labourPaymentMonths: number;
  readonly headcountMonths: number;
  /** Per month of the quarter: the headcount given (null = not yet) and persons with income. */
  readonly headcounts: readonly (number | null)[];
  readonly personsPerMonth: readonly number[];
  readonly personCount: number;
  readonly seniorityCount: number;
  readonly hasResponsibleSignatory: boolean;
  readonly hasChiefAccountantSignatory: boolean;
  readonly penaltyComputedAt: string | null;
  readonly distributedAt: string | null;
  readonly readyAt: string | null;
}

/** A message as the step menu needs it (lib/domain ValidationResult fits). */
export interface StepMessage {
  readonly step: string;
  readonly severity: 'blocking' | 'warning' | 'info';
}

export interface StepDefinition {
  readonly id: StepId;
  readonly slug: string;
  /** i18n key under the 'wizardSteps' namespace. */
  readonly titleKey: string;
  /** True for notice/list pages whose "DAVAM ET" only records that the step was passed. */
  readonly completesOnContinue: boolean;
  readonly isApplicable: (draft: DraftSummary) => boolean;
  readonly isComplete: (draft: DraftSummary) => boolean;
  /** Something was entered but the step is not complete yet. */
  readonly isStarted: (draft: DraftSummary) => boolean;
}

const saved = (draft: DraftSummary, id: StepId) => draft.savedSteps.includes(id);
const always = () => true;
const never = () => false;

function step(
  id: StepId,
  slug: string,
  options: Partial<
    Pick<StepDefinition, 'isApplicable' | 'isComplete' | 'isStarted' | 'completesOnContinue'>
  > = {},
): StepDefinition {
  return {
    id,
    slug,
    titleKey: id,
    completesOnContinue: options.completesOnContinue ?? false,
    isApplicable: options.isApplicable ?? always,
    isComplete: options.isComplete ?? ((d) => saved(d, id)),
    isStarted: options.isStarted ?? never,
  };
}

/** Passed with "DAVAM ET": a notice, a read-only view or an optional list. */
const seen = { completesOnContinue: true } as const;

/** Headcount equals the persons with income in every month (SPEC F21, DOMAIN.md §6). */
function headcountAgrees(d: DraftSummary): boolean {
  return (
    d.headcounts.length === 3 &&
    d.headcounts.every((h, i) => h !== null && h === (d.personsPerMonth[i] ?? 0))
  );
}

export const STEPS: readonly StepDefinition[] = [
  step('F4', 'debt-start', seen),
  step('F5', 'payments-notice', seen),
  step('F6', 'payments', { ...seen, isStarted: (d) => d.paymentCount > 0 }),
  step('F7', 'labour-payments', {
    isComplete: (d) => d.labourPaymentMonths === 3,
    isStarted: (d) => d.labourPaymentMonths > 0,
  }),
  step('F8', 'non-liable-income', { ...seen, isStarted: (d) => d.nonLiableIncomeCount > 0 }),
  step('F9', 'labour-payments-review', seen),
  step('F10', 'contributions', seen),
  step('F11', 'penalty', { isComplete: (d) => d.penaltyComputedAt !== null }),
  step('F12', 'sanctions', seen),
  step('F13', 'sanatorium-vouchers'),
  step('F14', 'injury-benefit-refunds'),
  step('F15', 'fund-findings'),
  step('F16', 'other-accruals'),
  step('F17', 'debt-end', seen),
  step('F18', 'headcount', {
    isComplete: (d) => d.headcountMonths === 3,
    isStarted: (d) => d.headcountMonths > 0,
  }),
  step('F19', 'equal-split', { isComplete: (d) => saved(d, 'F19') || d.distributedAt !== null }),
  step('F20', 'insured-persons', { isComplete: (d) => d.personCount > 0 }),
  step('F21', 'headcount-check', {
    isComplete: headcountAgrees,
    isStarted: (d) => d.personCount > 0 || d.headcountMonths > 0,
  }),
  step('F22', 'distribution', { isComplete: (d) => d.distributedAt !== null }),
  // The warnings page exists once something was distributed (SPEC F23).
  step('F23', 'distribution-warnings', { ...seen, isApplicable: (d) => d.distributedAt !== null }),
  step('F24', 'preferential-seniority', { ...seen, isStarted: (d) => d.seniorityCount > 0 }),
  step('F25', 'signatories', {
    isComplete: (d) => d.hasResponsibleSignatory && d.hasChiefAccountantSignatory,
    isStarted: (d) => d.hasResponsibleSignatory || d.hasChiefAccountantSignatory,
  }),
  step('REVIEW', 'check-answers', { isComplete: (d) => d.readyAt !== null }),
];

const BY_ID = new Map<string, StepDefinition>(STEPS.map((s) => [s.id, s]));
const BY_SLUG = new Map<string, StepDefinition>(STEPS.map((s) => [s.slug, s]));

/** The step with this id, or undefined for an unknown id (e.g. from a URL). */
export function stepById(id: string): StepDefinition | undefined {
  return BY_ID.get(id);
}

/** The step with this URL slug, or undefined. */
export function stepBySlug(slug: string): StepDefinition | undefined {
  return BY_SLUG.get(slug);
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && BY_ID.has(value);
}

function applicableNeighbour(
  draft: DraftSummary,
  id: StepId,
  direction: 1 | -1,
): StepDefinition | null {
  const index = STEPS.findIndex((s) => s.id === id);
  if (index < 0) return null;
  for (let i = index + direction; i >= 0 && i < STEPS.length; i += direction) {
    const candidate = STEPS[i] as StepDefinition;
    if (candidate.isApplicable(draft)) return candidate;
  }
  return null;
}

/** The next applicable step after `id` ("Növbəti"), or null after the last. */
export function nextStep(draft: DraftSummary, id: StepId): StepDefinition | null {
  return applicableNeighbour(draft, id, 1);
}

/** The previous applicable step ("Geri"), or null before F4. */
export function previousStep(draft: DraftSummary, id: StepId): StepDefinition | null {
  return applicableNeighbour(draft, id, -1);
}

/**
 * The status shown in the "Addımlar" menu: a blocking error or a warning for the step wins,
 * then complete, then in progress (something entered, or saved but incomplete).
 */
export function stepStatus(
  draft: DraftSummary,
  id: StepId,
  messages: readonly StepMessage[] = [],
): StepStatus {
  const definition = BY_ID.get(id);
  if (!definition) return 'not-started';
  if (messages.some((m) => m.step === id && m.severity !== 'info')) return 'has-errors';
  if (definition.isComplete(draft)) return 'complete';
  if (definition.isStarted(draft) || saved(draft, id)) return 'in-progress';
  return 'not-started';
}
