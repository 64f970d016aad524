import { describe, expect, it } from 'vitest';
import {
  nextStep,
  previousStep,
  STEP_IDS,
  STEPS,
  stepById,
  stepBySlug,
  stepStatus,
  type DraftSummary,
} from '@/lib/report-wizard/steps';

const EMPTY: DraftSummary = {
  reportType: 'INITIAL',
  status: 'DRAFT',
  savedSteps: [],
  paymentCount: 0,
  nonLiableIncomeCount: 0,
  labourPaymentMonths: 0,
  headcountMonths: 0,
  headcounts: [null, null, null],
  personsPerMonth: [0, 0, 0],
  personCount: 0,
  seniorityCount: 0,
  hasResponsibleSignatory: false,
  hasChiefAccountantSignatory: false,
  penaltyComputedAt: null,
  distributedAt: null,
  readyAt: null,
};
const draft = (over: Partial<DraftSummary>): DraftSummary => ({ ...EMPTY, ...over });

describe('step registry', () => {
  it('lists F4…F25 then REVIEW in the manual’s order, with unique slugs', () => {
    expect(STEPS.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(STEPS[0]?.id).toBe('F4');
    expect(STEPS.at(-1)?.id).toBe('REVIEW');
    expect(new Set(STEPS.map((s) => s.slug)).size).toBe(STEPS.length);
    expect(stepById('F7')?.slug).toBe('labour-payments');
    expect(stepById('F7')?.titleKey).toBe('F7');
    expect(stepBySlug('labour-payments')?.id).toBe('F7');
    expect(stepById('F1')).toBeUndefined();
    expect(stepBySlug('nope')).toBeUndefined();
  });

  it('walks next and previous over applicable steps only', () => {
    expect(previousStep(EMPTY, 'F4')).toBeNull();
    expect(nextStep(EMPTY, 'F4')?.id).toBe('F5');
    expect(nextStep(EMPTY, 'REVIEW')).toBeNull();
    // F23 exists only once something was distributed.
    expect(nextStep(EMPTY, 'F22')?.id).toBe('F24');
    expect(previousStep(EMPTY, 'F24')?.id).toBe('F22');
    const distributed = draft({ distributedAt: '2026-11-25T10:00:00.000Z' });
    expect(nextStep(distributed, 'F22')?.id).toBe('F23');
    expect(previousStep(distributed, 'F24')?.id).toBe('F23');
  });

  it('derives statuses: not started, in progress, complete, has errors', () => {
    expect(stepStatus(EMPTY, 'F7')).toBe('not-started');
    expect(stepStatus(draft({ labourPaymentMonths: 2 }), 'F7')).toBe('in-progress');
    expect(stepStatus(draft({ labourPaymentMonths: 3 }), 'F7')).toBe('complete');
    expect(stepStatus(draft({ paymentCount: 1 }), 'F6')).toBe('in-progress');
    expect(stepStatus(draft({ savedSteps: ['F6'] }), 'F6')).toBe('complete');
    expect(stepStatus(draft({ savedSteps: ['F4'] }), 'F4')).toBe('complete');
    expect(stepStatus(draft({ penaltyComputedAt: '2026-11-25T10:00:00Z' }), 'F11')).toBe(
      'complete',
    );
    expect(stepStatus(draft({ hasResponsibleSignatory: true }), 'F25')).toBe('in-progress');
    expect(
      stepStatus(
        draft({ hasResponsibleSignatory: true, hasChiefAccountantSignatory: true }),
        'F25',
      ),
    ).toBe('complete');
    const full = draft({ labourPaymentMonths: 3 });
    expect(stepStatus(full, 'F7', [{ step: 'F7', severity: 'warning' }])).toBe('has-errors');
    expect(stepStatus(full, 'F7', [{ step: 'F7', severity: 'info' }])).toBe('complete');
    expect(stepStatus(full, 'F7', [{ step: 'F8', severity: 'blocking' }])).toBe('complete');
  });

  it('F21 is complete only when the headcount equals the persons of every month', () => {
    const agree = draft({
      headcounts: [3, 3, 2],
      personsPerMonth: [3, 3, 2],
      personCount: 3,
      headcountMonths: 3,
    });
    expect(stepStatus(agree, 'F21')).toBe('complete');
    expect(stepStatus(draft({ ...agree, personsPerMonth: [3, 3, 3] }), 'F21')).toBe('in-progress');
    expect(stepStatus(draft({ ...agree, headcounts: [3, 3, null] }), 'F21')).toBe('in-progress');
  });

  it('marks only notice, read-only and optional-list steps as completed by "DAVAM ET"', () => {
    const seen = STEPS.filter((s) => s.completesOnContinue).map((s) => s.id);
    expect(seen).toEqual(['F4', 'F5', 'F6', 'F8', 'F9', 'F10', 'F12', 'F17', 'F23', 'F24']);
  });
});

describe("stepStatus with the engine's messages", () => {
  it('marks a step that has a blocking error or a warning, whatever else it has', async () => {
    const { stepStatus } = await import('@/lib/report-wizard/steps');
    const august = draft({ headcounts: [3, 4, 3], personsPerMonth: [3, 3, 3], personCount: 3 });
    expect(stepStatus(august, 'F21', [{ step: 'F21', severity: 'blocking' }])).toBe('has-errors');
    expect(stepStatus(august, 'F8', [{ step: 'F8', severity: 'warning' }])).toBe('has-errors');
    expect(stepStatus(august, 'F11', [{ step: 'F11', severity: 'info' }])).not.toBe('has-errors');
  });
});
