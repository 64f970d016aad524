// Domain benchmarks (issue 3): a 50 000-person quarter (contributions + reconciliation +
// distribution) and the penalty over 10 years of monthly obligations with 500 payments.
// Prints the median of several runs; never asserts on time.
import {
  calculatePenalty,
  calculateQuarterContributions,
  DEFAULT_CONTRIBUTION_SCHEDULE,
  DEFAULT_PENALTY_PARAMETERS,
  distributePayment,
  monthKey,
  quarterMonths,
  reconcileMonths,
  type PenaltyPayment,
  type PersonIncome,
} from '@/lib/domain';

const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function measure(label: string, work: () => void): void {
  work(); // warm-up: JIT and lazy initialisation
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  console.log(
    `${label}: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${RUNS} runs)`,
  );
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

/** FINs in no particular order, as a report's persons are entered. */
function scrambledFin(i: number): string {
  return ((i * 2_654_435_761) % 36 ** 7).toString(36).toUpperCase().padStart(7, '0');
}

function quarterBench(): void {
  const months = quarterMonths({ year: 2025, quarter: 3 });
  const persons: PersonIncome[] = Array.from({ length: 50_000 }, (_, i) => ({
    fin: scrambledFin(i),
    incomeQepikByMonth: Object.fromEntries(
      months.map((m, j) => [m, 35_000 + ((i * 7919 + j * 104_729) % 900_000)]),
    ),
  }));
  const labour = Object.fromEntries(
    months.map((m) => [m, persons.reduce((s, p) => s + (p.incomeQepikByMonth[m] ?? 0), 0)]),
  );
  const contributionsOf = () =>
    unwrap(
      calculateQuarterContributions({
        schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
        sector: 'NON_OIL_NON_STATE',
        months,
        persons,
      }),
    );
  const reconcile = () =>
    unwrap(
      reconcileMonths({
        months,
        persons,
        labourPaymentsQepikByMonth: labour,
        nonLiableIncome: [{ month: months[1], amountQepik: 50_000 }],
      }),
    );
  const contributions = contributionsOf();
  // 80 % of each month's employer share and 60 % of its employee share, as a ledger applies it.
  const paid = months.map((month) => {
    const rows = contributions.rows.filter((r) => r.month === month);
    const sum = (side: 'employerQepik' | 'employeeQepik') => rows.reduce((t, r) => t + r[side], 0);
    return {
      month,
      employerQepik: Math.floor(sum('employerQepik') * 0.8),
      employeeQepik: Math.floor(sum('employeeQepik') * 0.6),
    };
  });
  measure('quarter, 50 000 persons (contributions + reconciliation + distribution)', () => {
    const computed = contributionsOf();
    reconcile();
    unwrap(distributePayment(paid, computed.rows));
  });
  measure('  of which contributions (150 000 person-months)', contributionsOf);
  measure('  of which reconciliation', reconcile);
  measure('  of which distribution (equal split per month and side)', () =>
    unwrap(distributePayment(paid, contributions.rows)),
  );
}

function penaltyBench(): void {
  const obligations = Array.from({ length: 120 }, (_, i) => {
    const year = 2015 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const next = month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1);
    return { id: monthKey(year, month), dueDate: `${next}-15`, amountQepik: 500_000 + i * 1_000 };
  });
  const payments: PenaltyPayment[] = Array.from({ length: 500 }, (_, k) => {
    const o = obligations[k % 120]!;
    const day = 16 + ((Math.floor(k / 120) * 3) % 12);
    return {
      obligationId: o.id,
      date: `${o.dueDate.slice(0, 8)}${String(day).padStart(2, '0')}`,
      amountQepik: 1_000,
    };
  });
  measure('penalty, 120 monthly obligations over 10 years, 500 payments', () => {
    unwrap(
      calculatePenalty({
        obligations,
        payments,
        asOf: '2025-12-31',
        parameters: DEFAULT_PENALTY_PARAMETERS,
      }),
    );
  });
}

export async function run(): Promise<void> {
  quarterBench();
  penaltyBench();
}
