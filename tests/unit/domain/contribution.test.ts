import { describe, expect, it } from 'vitest';
import {
  calculateContribution,
  calculateQuarterContributions,
  DEFAULT_CONTRIBUTION_SCHEDULE,
  parseAmount,
  type ContributionSchedule,
  type Sector,
} from '@/lib/domain';

function azn(text: string): number {
  const parsed = parseAmount(text);
  if (!parsed.ok) throw new Error(parsed.code);
  return parsed.value;
}

function contribution(sector: Sector, month: string, income: string) {
  return calculateContribution({
    schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
    sector,
    month,
    incomeQepik: azn(income),
  });
}

describe('MDSS contribution vectors of DOMAIN.md §2', () => {
  it.each([
    // non-oil, non-state, 2019–2025
    ['NON_OIL_NON_STATE', '2019-01', '150', '4.50', '33.00'],
    ['NON_OIL_NON_STATE', '2023-06', '200', '6.00', '44.00'],
    ['NON_OIL_NON_STATE', '2025-12', '1000', '86.00', '164.00'],
    ['NON_OIL_NON_STATE', '2025-08', '9000', '886.00', '1364.00'],
    // non-oil, non-state, from 2026
    ['NON_OIL_NON_STATE', '2026-01', '1500', '136.00', '239.00'],
    ['NON_OIL_NON_STATE', '2026-05', '8000', '786.00', '1214.00'],
    ['NON_OIL_NON_STATE', '2026-12', '9000', '886.00', '1324.00'],
    ['NON_OIL_NON_STATE', '2027-03', '333.33', '19.33', '64.00'],
    // state or oil, any date
    ['STATE_OR_OIL', '2025-03', '1000', '30.00', '220.00'],
    ['STATE_OR_OIL', '2026-03', '9000', '270.00', '1980.00'],
    ['STATE_OR_OIL', '2010-01', '1000', '30.00', '220.00'],
  ] as const)('%s %s: %s AZN → %s / %s', (sector, month, income, employee, employer) => {
    const result = contribution(sector, month, income);
    expect(result).toEqual({
      ok: true,
      value: {
        employeeQepik: azn(employee),
        employerQepik: azn(employer),
        totalQepik: azn(employee) + azn(employer),
      },
    });
  });
});

describe('tier boundaries', () => {
  it.each([
    ['2025-12', '199.99', 600, 4400], // 5.9997 → 6.00; 43.9978 → 44.00
    ['2025-12', '200.00', 600, 4400],
    ['2025-12', '200.01', 600, 4400], // 600 + 0.1 → 600; 4400 + 0.15 → 4400
    ['2025-12', '200.05', 601, 4401], // 600.5 → 601; 4400.75 → 4401
    ['2025-12', '8000.01', 78_600, 121_400], // 78 600.1; 121 400.15
    ['2026-01', '7999.99', 78_600, 121_400], // 78 599.9; 121 399.85
    ['2026-01', '8000.00', 78_600, 121_400],
    ['2026-01', '8000.10', 78_601, 121_401], // 78 600 + 1; 121 400 + 1.1
    ['2026-01', '0', 0, 0],
  ])('%s %s AZN → %i / %i qəpik', (month, income, employee, employer) => {
    const result = contribution('NON_OIL_NON_STATE', month, income);
    expect(result).toMatchObject({
      ok: true,
      value: { employeeQepik: employee, employerQepik: employer },
    });
  });
});

describe('bad input and missing rates', () => {
  it('has no non-state rates before 2019', () => {
    expect(contribution('NON_OIL_NON_STATE', '2018-12', '1000')).toMatchObject({
      ok: false,
      code: 'RATES_NOT_FOUND',
    });
  });

  it.each([
    [{ month: '2025-13', incomeQepik: 100 }, 'UNKNOWN_MONTH'],
    [{ month: '2025-1', incomeQepik: 100 }, 'UNKNOWN_MONTH'],
    [{ month: '2025-01', incomeQepik: -1 }, 'AMOUNT_NEGATIVE'],
    [{ month: '2025-01', incomeQepik: 10.5 }, 'AMOUNT_NOT_INTEGER_QEPIK'],
    [{ month: '2025-01', incomeQepik: 2 ** 60 }, 'AMOUNT_NOT_INTEGER_QEPIK'],
  ])('%o → %s', (input, code) => {
    const result = calculateContribution({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'NON_OIL_NON_STATE',
      ...input,
    });
    expect(result).toMatchObject({ ok: false, code });
  });

  it('refuses overlapping or malformed schedules', () => {
    const overlapping: ContributionSchedule = [
      ...DEFAULT_CONTRIBUTION_SCHEDULE,
      { ...DEFAULT_CONTRIBUTION_SCHEDULE[1]!, id: 'DUP' },
    ];
    const run = (schedule: ContributionSchedule) =>
      calculateContribution({
        schedule,
        sector: 'NON_OIL_NON_STATE',
        month: '2024-01',
        incomeQepik: 1,
      });
    expect(run(overlapping)).toMatchObject({ code: 'RATES_AMBIGUOUS' });
    const broken: ContributionSchedule = [
      {
        ...DEFAULT_CONTRIBUTION_SCHEDULE[1]!,
        employee: [{ fromQepik: 100, rate: { num: 3, den: 100 } }],
      },
    ];
    expect(run(broken)).toMatchObject({ code: 'INVALID_SCHEDULE' });
    const badDate: ContributionSchedule = [
      { ...DEFAULT_CONTRIBUTION_SCHEDULE[1]!, validTo: '31.12.2025' },
    ];
    expect(run(badDate)).toMatchObject({ code: 'INVALID_SCHEDULE' });
  });

  it('stays exact for huge incomes and mixed denominators', () => {
    const schedule: ContributionSchedule = [
      {
        id: 'MIXED',
        sector: 'STATE_OR_OIL',
        validFrom: null,
        validTo: null,
        employee: [
          { fromQepik: 0, rate: { num: 1, den: 3 } },
          { fromQepik: 3, rate: { num: 1, den: 7 } },
        ],
        employer: [{ fromQepik: 0, rate: { num: 22, den: 100 } }],
      },
    ];
    // 3 × 1/3 + 7 × 1/7 = 2 exactly; floats would give 1.9999…
    const result = calculateContribution({
      schedule,
      sector: 'STATE_OR_OIL',
      month: '2025-01',
      incomeQepik: 10,
    });
    expect(result).toMatchObject({ ok: true, value: { employeeQepik: 2, employerQepik: 2 } });
    const huge = calculateContribution({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'STATE_OR_OIL',
      month: '2025-01',
      incomeQepik: 1_000_000_000_000_000,
    });
    expect(huge).toMatchObject({
      ok: true,
      value: { employeeQepik: 30_000_000_000_000, employerQepik: 220_000_000_000_000 },
    });
  });
});

describe('calculateQuarterContributions', () => {
  it('sums per person and month across the 2025/2026 regime change', () => {
    const result = calculateQuarterContributions({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'NON_OIL_NON_STATE',
      months: ['2025-11', '2025-12', '2026-01'],
      persons: [
        { fin: 'AAAAAA1', incomeQepikByMonth: { '2025-11': 900_000, '2026-01': 900_000 } },
        { fin: 'BBBBBB2', incomeQepikByMonth: { '2025-12': 15_000 } },
      ],
    });
    expect(result.ok && result.value.rows.length).toBe(3);
    expect(result).toMatchObject({
      ok: true,
      value: {
        employeeTotalQepik: 88_600 + 450 + 88_600,
        employerTotalQepik: 136_400 + 3300 + 132_400,
      },
    });
  });

  it('names the person and month of a bad income', () => {
    const result = calculateQuarterContributions({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'NON_OIL_NON_STATE',
      months: ['2025-07'],
      persons: [{ fin: 'AAAAAA1', incomeQepikByMonth: { '2025-07': -5 } }],
    });
    expect(result).toEqual({
      ok: false,
      code: 'AMOUNT_NEGATIVE',
      params: { fin: 'AAAAAA1', month: '2025-07' },
    });
  });
});
