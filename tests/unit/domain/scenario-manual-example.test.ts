// The manual's worked example (seed manual pp. 43–52): three insured persons, 1 000 AZN each
// month of Q3, labour payments of 3 000 AZN a month, and 500 AZN of income not subject to MDSS
// entered for August. "BÖLÜŞDÜR" then warns that August differs by 500 (SPEC F19–F23).
import { describe, expect, it } from 'vitest';
import {
  calculateQuarterContributions,
  checkHeadcount,
  DEFAULT_CONTRIBUTION_SCHEDULE,
  buildPosting,
  formatMessage,
  quarterMonths,
  reconcileMonths,
  reconciliationResults,
  validateFin,
  type PersonIncome,
} from '@/lib/domain';

const QUARTER = { year: 2025, quarter: 3 } as const;
const months = quarterMonths(QUARTER);
const fins = ['5ZXKP8R', '7ABC12D', '9QWE34F'].map((raw) => {
  const fin = validateFin(raw.toLowerCase(), 'DIN');
  if (!fin.ok) throw new Error(fin.code);
  return fin.value;
});
const persons: PersonIncome[] = fins.map((fin) => ({
  fin,
  incomeQepikByMonth: Object.fromEntries(months.map((m) => [m, 100_000])),
}));

describe('manual example end to end', () => {
  it('computes 86,00 / 164,00 ₼ per person and month (non-oil, non-state, 2025)', () => {
    const result = calculateQuarterContributions({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'NON_OIL_NON_STATE',
      months,
      persons,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.rows).toHaveLength(9);
    for (const row of result.value.rows) {
      expect([row.employeeQepik, row.employerQepik]).toEqual([8_600, 16_400]);
    }
    expect(result.value.totalQepik).toBe(9 * 25_000);
  });

  it('agrees with the headcount of 3 in every month', () => {
    const headcountByMonth = Object.fromEntries(months.map((m) => [m, 3]));
    expect(checkHeadcount({ months, headcountByMonth, persons })).toEqual([]);
  });

  it('warns exactly once: August, 500,00 ₼, caused by the non-liable income (fix at F8)', () => {
    const warnings = reconcileMonths({
      months,
      persons,
      labourPaymentsQepikByMonth: Object.fromEntries(months.map((m) => [m, 300_000])),
      nonLiableIncome: [{ month: '2025-08', amountQepik: 50_000 }],
    });
    if (!warnings.ok) throw new Error(warnings.code);
    expect(warnings.value).toHaveLength(1);
    const [august] = warnings.value;
    expect(august).toMatchObject({
      month: '2025-08',
      differenceQepik: 50_000,
      cause: 'NON_LIABLE_INCOME',
      fixStep: 'F8',
    });
    const [result] = reconciliationResults(warnings.value);
    expect(result).toMatchObject({ severity: 'warning', step: 'F8', month: '2025-08' });
    const text = formatMessage(august!.code, result!.params, 'az');
    expect(text).toContain('Avqust 2025: 500,00 ₼');
    expect(text).toContain('cəlb olunmayan gəlir');
  });

  it('distributes what is applied to each month and side equally among the persons who owe it', () => {
    const contributions = calculateQuarterContributions({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'NON_OIL_NON_STATE',
      months,
      persons,
    });
    if (!contributions.ok) throw new Error(contributions.code);
    // 1 000,01 ₼ with no side (credit) settles July in full — employer 3 × 164 ₼, employee
    // 3 × 86 ₼ — then 250,01 ₼ of August's employer share, split 83,34 / 83,34 / 83,33 in FIN
    // order (DOMAIN.md §5, §7).
    const posting = buildPosting({
      period: { year: 2025, quarter: 3 },
      account: { items: [], credits: [{ date: '2025-06-30', amountQepik: 100_001 }] },
      contributions: contributions.value.rows,
      payments: [],
      lines: [],
    });
    if (!posting.ok) throw new Error(posting.code);
    const byFin = (fin: string) =>
      posting.value.persons
        .filter((r) => r.fin === fin)
        .map((r) => [r.month, r.paidEmployerQepik, r.paidEmployeeQepik]);
    expect(byFin(fins[0]!)).toEqual([
      ['2025-07', 16_400, 8_600],
      ['2025-08', 8_334, 0],
      ['2025-09', 0, 0],
    ]);
    expect(byFin(fins[1]!)).toEqual(byFin(fins[0]!));
    expect(byFin(fins[2]!)).toEqual([
      ['2025-07', 16_400, 8_600],
      ['2025-08', 8_333, 0],
      ['2025-09', 0, 0],
    ]);
    const total = posting.value.persons.reduce(
      (s, r) => s + r.paidEmployerQepik + r.paidEmployeeQepik,
      0,
    );
    expect(total).toBe(100_001);
  });
});
