// Bank-statement benchmarks (issue 14 §5): a 10 000-line camt.053 and the same lines as CSV,
// parsed and matched against a 2 000-employer directory. The whole import on PostgreSQL later
// should stay under 5 s, so parsing and matching should be well under 1 s. Prints the median of
// several runs; never asserts on time.
import { parseCamt053 } from '@/lib/bank-statements/parse-camt053';
import { parseStatementCsv } from '@/lib/bank-statements/parse-statement-csv';
import { matchStatementLines, type MatchContext } from '@/lib/domain/bank-statements/match-lines';
import type { StatementParseResult } from '@/lib/domain/bank-statements/statement-line';
import {
  writeCamt053,
  writeStatementCsv,
  type FixtureLine,
} from '@/tests/fixtures/bank-statements/write-statements';

const RUNS = 7;
const LINES = 10_000;
const EMPLOYERS = 2_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

// The machine may be shared: wall time includes waiting for a core, so CPU time (this
// process, user + system) is printed too.
function measure(label: string, work: () => void): void {
  work(); // warm-up: JIT and lazy initialisation
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(
    `${label}: median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU (wall min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}, ${RUNS} runs)`,
  );
}

/** A valid VÖEN (9 digits, then 1 or 2) for employer k. */
function voen(k: number): string {
  return `${String(100_000_000 + k)}${k % 2 === 0 ? '1' : '2'}`;
}

function fixtureLines(): FixtureLine[] {
  return Array.from({ length: LINES }, (_, i): FixtureLine => {
    const employer = (i * 7919) % EMPLOYERS;
    const qepik = 100 + ((i * 104_729) % 10_000_000);
    return {
      reference: `PP20261112${String(i).padStart(8, '0')}`,
      bookingDate: '2026-11-12',
      valueDate: `2026-11-${String(1 + (i % 12)).padStart(2, '0')}`,
      amount: `${Math.floor(qepik / 100)}.${String(qepik % 100).padStart(2, '0')}`,
      payerName: `"Sığortaedən ${employer}" MMC`,
      voen: voen(employer),
      iban: `AZ00BANK${String(employer).padStart(20, '0')}`,
      remittance: `${i % 2 === 0 ? '121111' : '121211'} MDSS oktyabr 2026`,
      endToEndId: `MDSS-2026-10-${employer}`,
    };
  });
}

export async function run(): Promise<void> {
  const lines = fixtureLines();
  const xml = writeCamt053(lines);
  const csv = writeStatementCsv(lines);
  const context: MatchContext = {
    employersByVoen: new Map(
      Array.from({ length: EMPLOYERS }, (_, k) => [voen(k), [`employer-${k}`]]),
    ),
    knownClassCodes: new Set(['121111', '121211']),
    recordedReferences: new Set(lines.slice(0, 500).map((line) => line.reference)),
  };
  console.log(
    `${LINES} lines: camt.053 ${(xml.length / 1e6).toFixed(1)} M chars, CSV ${(csv.length / 1e6).toFixed(1)} M chars`,
  );
  const check = (result: StatementParseResult) => {
    if (result.lines.length !== LINES || result.problems.length > 0) {
      throw new Error(
        `expected ${LINES} clean lines, got ${result.lines.length} and ${result.problems.length} problems`,
      );
    }
    return result;
  };
  const parsed = check(parseCamt053(xml));
  measure('parse camt.053 (10 000 lines)', () => check(parseCamt053(xml)));
  measure('parse CSV (10 000 lines)', () => check(parseStatementCsv(csv)));
  measure('match 10 000 lines (2 000 employers, 500 recorded)', () => {
    matchStatementLines(parsed.lines, context);
  });
  measure('camt.053 parse + match', () => {
    matchStatementLines(check(parseCamt053(xml)).lines, context);
  });
  measure('CSV parse + match', () => {
    matchStatementLines(check(parseStatementCsv(csv)).lines, context);
  });
}
