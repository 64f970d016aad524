import { describe, expect, it } from 'vitest';
import { DEFAULT_LATE_FILING_SANCTION, proposeLateFilingSanction } from '@/lib/domain';

describe('late-filing sanction proposal (DOMAIN.md §6)', () => {
  const base = {
    mdssQepik: 225_005,
    dueDate: '2025-10-20',
    parameters: DEFAULT_LATE_FILING_SANCTION,
  };

  it.each([
    ['2025-10-20', false, 0], // on the due date: on time
    ['2025-10-21', true, 22_501], // 10 % of 2 250,05 ₼ = 225,005 → 225,01 ₼
  ])('submitted %s → late %s, %i qəpik', (submittedOn, isLate, sanctionQepik) => {
    expect(proposeLateFilingSanction({ ...base, submittedOn })).toEqual({
      ok: true,
      value: { isLate, sanctionQepik },
    });
  });

  it('answers coded errors', () => {
    expect(proposeLateFilingSanction({ ...base, submittedOn: '2025-10-32' })).toMatchObject({
      code: 'INVALID_DATE',
    });
    expect(
      proposeLateFilingSanction({ ...base, mdssQepik: -1, submittedOn: '2025-11-01' }),
    ).toMatchObject({ code: 'AMOUNT_NEGATIVE' });
    expect(
      proposeLateFilingSanction({ ...base, parameters: [], submittedOn: '2025-11-01' }),
    ).toMatchObject({ code: 'RATES_NOT_FOUND' });
  });
});
