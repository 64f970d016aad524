import { and, count, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  nonLiableIncomeReasons,
  registryPersons,
  reportLines,
  reportMonths,
  reportNonLiableIncomes,
  reportPersons,
  reports,
  reportSignatories,
} from '@/db/schema';
import { MAX_AMOUNT_QEPIK } from '@/lib/domain';
import { handleUpsertReport, handleValidateReport } from '@/lib/server/api/handle-report-requests';
import { toApiAmount } from '@/lib/server/api/report-payload';
import type { TestDatabase } from '../helpers/test-database';
import {
  apiRequest,
  AS_OF,
  type ErrorBody,
  registryFins,
  scopeOf,
  seededDatabase,
  tokenFor,
  workedExample,
  XEZER,
} from './api-fixtures';

// Issue 10 §5: POST /reports/validate and POST /reports run one validation, so on any body —
// valid or not, in every way a payroll system can get it wrong — they give the same verdict,
// and POST saves nothing when it refuses.

type Verdict = { ok: true } | { ok: false; status: number; code: string; problems: string[] };

async function verdictOf(response: Response): Promise<Verdict> {
  const body = (await response.json()) as ErrorBody;
  if (response.status === 200 || response.status === 201) return { ok: true };
  for (const p of body.error.problems ?? []) {
    expect(`${p.message.az} ${p.message.en}`).not.toContain('{');
  }
  return {
    ok: false,
    status: response.status,
    code: body.error.code,
    problems: (body.error.problems ?? []).map((p) => `${p.code} @ ${p.path}`).sort(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthsOf = (year: number, quarter: number) =>
  [1, 2, 3].map((i) => `${year}-${pad((quarter - 1) * 3 + i)}`);

type Json = Record<string, unknown>;
type Person = { fin: unknown; surname?: string; incomes: Record<string, unknown> };
type Payload = Json & { persons: Person[]; labourPayments: Json; headcount: Json };

/** A correct amount: small, sometimes exactly the bound. */
const goodAmount = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map(toApiAmount) },
  { weight: 1, arbitrary: fc.constant(toApiAmount(MAX_AMOUNT_QEPIK)) },
);

/** How a payroll system gets a body wrong; `n` picks where, so the runs stay reproducible. */
const MUTATIONS: Record<string, (p: Payload, n: number, fins: readonly string[]) => void> = {
  amountAsNumber: (p, n) => {
    p.labourPayments[Object.keys(p.labourPayments)[0] ?? '2025-07'] = 1000 + n;
  },
  amountNegative: (p) => {
    p.labourPayments[Object.keys(p.labourPayments)[0] ?? '2025-07'] = '-1.00';
  },
  amountThreeDecimals: (p, n) => {
    const person = p.persons[n % Math.max(1, p.persons.length)];
    if (person) person.incomes[Object.keys(person.incomes)[0] ?? '2025-07'] = '10.005';
    else p.labourPayments['2025-07'] = '10.005';
  },
  amountOverBound: (p, n) => {
    const person = p.persons[n % Math.max(1, p.persons.length)];
    const text = n % 2 === 0 ? toApiAmount(MAX_AMOUNT_QEPIK + 1) : '90071992547409.91';
    if (person) person.incomes[Object.keys(person.incomes)[0] ?? '2025-07'] = text;
    else p.labourPayments['2025-07'] = text;
  },
  lineOverBound: (p) => {
    p.lines = { sanatorium: { accrued: toApiAmount(MAX_AMOUNT_QEPIK + 1), paid: '0.00' } };
  },
  nonLiableZero: (p) => {
    p.nonLiableIncome = [
      { reasonCode: 'GIFTS_AID', month: Object.keys(p.headcount)[0] ?? '2025-07', amount: '0.00' },
    ];
  },
  nonLiableUnknownReason: (p) => {
    p.nonLiableIncome = [{ reasonCode: 'NO_SUCH_REASON', month: '2025-07', amount: '1.00' }];
  },
  yearAsString: (p) => {
    p.year = String(p.year);
  },
  quarterOutOfRange: (p) => {
    p.quarter = 5;
  },
  yearBeforeService: (p) => {
    p.year = 2018;
  },
  futureQuarter: (p) => {
    p.year = 2026;
    p.quarter = 1;
  },
  foreignActivityCode: (p) => {
    p.activityCode = '41.20';
  },
  headcountNegative: (p) => {
    p.headcount[Object.keys(p.headcount)[0] ?? '2025-07'] = -1;
  },
  headcountHuge: (p) => {
    p.headcount[Object.keys(p.headcount)[0] ?? '2025-07'] = 10_000_001;
  },
  monthOutsideQuarter: (p, n) => {
    const target = [p.labourPayments, p.headcount, p.persons[0]?.incomes ?? p.labourPayments][
      n % 3
    ]!;
    target['2020-01'] = target === p.headcount ? 1 : '1.00';
  },
  badFin: (p, n) => {
    const bad = ['AB!', 'ZZZZZZ9', '', 'IIIIIII'][n % 4];
    p.persons.push({ fin: bad, incomes: {} });
  },
  finAsNumber: (p) => {
    p.persons.push({ fin: 1234567, incomes: {} });
  },
  duplicateFin: (p, n) => {
    const person = p.persons[n % Math.max(1, p.persons.length)];
    if (person) p.persons.push({ ...person, fin: String(person.fin).toLowerCase() });
  },
  unknownField: (p, n) => {
    if (n % 2 === 0 || p.persons.length === 0) p.comment = 'x';
    else (p.persons[0] as Json).email = 'x';
  },
  personsNotAList: (p) => {
    (p as Json).persons = { fin: 'x' };
  },
  badSignatory: (p, n) => {
    p.signatories = { responsible: { fin: n % 2 === 0 ? 'ZZZZZZ9' : 'x!', documentType: 'DIN' } };
  },
  amountsSumPast2pow53: (p, _n, fins) => {
    // Two persons at 2^53 − 1 qəpik in one month: each over the bound, their sum past 2^53.
    const [a, b] = fins;
    const month = Object.keys(p.headcount)[0] ?? Object.keys(p.labourPayments)[0] ?? '2025-07';
    p.persons = [a, b].map((fin) => ({ fin, incomes: { [month]: '90071992547409.91' } }));
  },
  sentReport: (p) => {
    // The key of the report sent in beforeAll, with nothing else that could be refused first.
    Object.assign(p, { activityCode: '47.41', year: 2025, quarter: 2 });
    p.labourPayments = {};
    p.headcount = {};
    p.nonLiableIncome = [];
    for (const person of p.persons) person.incomes = {};
  },
};

describe('validate and POST /reports agree (issue 10 §5)', () => {
  let database: TestDatabase;
  let token: string;
  let pool: string[];
  let signers: { fin: string; documentType: 'DIN' | 'MIQRASIYA' }[];
  let reasons: string[];

  beforeAll(async () => {
    database = await seededDatabase();
    token = await tokenFor(database.db, await scopeOf(database.db, 'xezer', 'xezer-director'));
    pool = await registryFins(database.db, 400);
    signers = await database.db
      .select({ fin: registryPersons.fin, documentType: registryPersons.documentType })
      .from(registryPersons)
      .orderBy(registryPersons.fin)
      .limit(4);
    reasons = (
      await database.db.select({ code: nonLiableIncomeReasons.code }).from(nonLiableIncomeReasons)
    ).map((r) => r.code);
    // A report already sent: POST answers 409 for its key, so validate must too.
    const sent = await handleUpsertReport(
      database.db,
      apiRequest('/api/v1/reports', token, {
        ...workedExample(pool.slice(0, 2)),
        activityCode: '47.41',
        year: 2025,
        quarter: 2,
        labourPayments: {},
        headcount: {},
        nonLiableIncome: [],
        persons: [],
      }),
      { asOf: AS_OF },
    );
    expect(sent.status).toBe(201);
    const { reportId } = (await sent.json()) as { reportId: string };
    await database.db
      .update(reports)
      .set({ status: 'SENT' })
      .where(and(eq(reports.id, reportId), eq(reports.employerId, XEZER)));
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Everything a POST could write for the employer, as one fingerprint. */
  async function snapshot(): Promise<string> {
    const tables = [
      reports,
      reportMonths,
      reportPersons,
      reportNonLiableIncomes,
      reportLines,
      reportSignatories,
    ] as const;
    const parts: string[] = [];
    for (const table of tables) {
      const [row] = await database.db
        .select({
          n: count(),
          hash: sql<string>`md5(coalesce(string_agg(${table}::text, '|' order by ${table}::text), ''))`,
        })
        .from(table)
        .where(eq(table.employerId, XEZER));
      parts.push(`${row?.n}:${row?.hash}`);
    }
    return parts.join(',');
  }

  /**
   * A correct body (past or current quarter, registered code, months of the quarter, known and
   * distinct FINs, listed reasons, real signatories; now and then hundreds of persons), and for
   * about half of them one to three of the MUTATIONS.
   */
  function payloads(): fc.Arbitrary<unknown> {
    const period = fc.constantFrom([2025, 1], [2025, 3], [2025, 4], [2024, 4]);
    return fc
      .tuple(fc.constantFrom('62.01', '47.41'), period)
      .chain(([activityCode, [year, quarter]]) => {
        const months = monthsOf(year!, quarter!);
        const someMonths = <T>(value: fc.Arbitrary<T>) =>
          fc
            .subarray(months)
            .chain((ms) =>
              fc
                .tuple(...ms.map(() => value))
                .map((vs) => Object.fromEntries(ms.map((m, i) => [m, vs[i]]))),
            );
        const few = fc
          .uniqueArray(fc.constantFrom(...pool.slice(0, 40)), { maxLength: 8 })
          .chain((fins) =>
            fc.tuple(...fins.map(() => someMonths(goodAmount))).map((incomes) =>
              fins.map((fin, i) => ({
                fin,
                surname: i % 3 === 0 ? 'Başqa' : undefined,
                incomes: incomes[i]!,
              })),
            ),
          );
        const many = fc.integer({ min: 150, max: 400 }).map((n) =>
          pool.slice(0, n).map((fin) => ({
            fin,
            incomes: Object.fromEntries(months.map((m) => [m, '900.00'])),
          })),
        );
        const signatory = fc.constantFrom(...signers);
        return fc.record({
          base: fc.record(
            {
              activityCode: fc.constant(activityCode),
              year: fc.constant(year),
              quarter: fc.constant(quarter),
              labourPayments: someMonths(goodAmount),
              headcount: someMonths(fc.integer({ min: 0, max: 10 })),
              nonLiableIncome: fc.array(
                fc.record({
                  reasonCode: fc.constantFrom(...reasons),
                  month: fc.constantFrom(...months),
                  amount: fc.integer({ min: 1, max: 100_000 }).map(toApiAmount),
                }),
                { maxLength: 3 },
              ),
              lines: fc.record(
                {
                  sanatorium: fc.record({ accrued: goodAmount, paid: goodAmount }),
                  fundFindings: fc.record({ paid: goodAmount }),
                  otherAccruals: fc.record({ accrued: goodAmount, paid: goodAmount }),
                },
                { requiredKeys: [] },
              ),
              persons: fc.oneof({ weight: 15, arbitrary: few }, { weight: 1, arbitrary: many }),
              signatories: fc.record(
                { responsible: signatory, chiefAccountant: signatory },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: ['activityCode', 'year', 'quarter', 'persons'] },
          ),
          mutations: fc.oneof(
            fc.constant([]),
            fc.array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(99)), {
              minLength: 1,
              maxLength: 3,
            }),
          ),
        });
      })
      .map(({ base, mutations }) => {
        const payload = structuredClone(base) as unknown as Payload;
        payload.labourPayments ??= {};
        payload.headcount ??= {};
        // The mutation that replaces the list goes last, after those that edit it.
        const last = (name: string) => (name === 'personsNotAList' ? 1 : 0);
        const ordered = [...mutations].sort((a, b) => last(a[0]) - last(b[0]));
        for (const [name, n] of ordered) MUTATIONS[name]!(payload, n, pool);
        // undefined keys would not survive JSON anyway; drop them so the body is what is sent.
        return JSON.parse(JSON.stringify(payload)) as unknown;
      });
  }

  it('on 200 random payloads: the same verdict (ok, or the same codes at the same paths); a refused POST saves nothing', async () => {
    let accepted = 0;
    let refused = 0;
    // Each pair in a rate-limit window of its own, on the same day of 2025 Q4.
    let minute = 0;
    await fc.assert(
      fc.asyncProperty(payloads(), async (body) => {
        minute += 1;
        const asOf = new Date(AS_OF.getTime() + minute * 61_000);
        const before = await snapshot();
        const validated = await verdictOf(
          await handleValidateReport(
            database.db,
            apiRequest('/api/v1/reports/validate', token, body),
            { asOf },
          ),
        );
        expect(await snapshot()).toBe(before);
        const posted = await verdictOf(
          await handleUpsertReport(database.db, apiRequest('/api/v1/reports', token, body), {
            asOf,
          }),
        );
        expect(posted).toEqual(validated);
        if (posted.ok) accepted += 1;
        else {
          refused += 1;
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
    // The generator must exercise both sides, or the agreement says little.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  }, 600_000);
});
