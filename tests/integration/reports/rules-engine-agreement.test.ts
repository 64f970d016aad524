import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonLiableIncomeReasons, registryPersons } from '@/db/schema';
import { toApiAmount } from '@/lib/server/api/report-payload';
import { upsertReportFromPayload } from '@/lib/server/api/upsert-report-from-payload';
import { validateReportPayload } from '@/lib/server/api/validate-report-payload';
import { loadReportContext } from '@/lib/server/reports/persons/report-context';
import { loadContributionSchedule } from '@/lib/server/reports/report-rates';
import { getReportReview } from '@/lib/server/reports/review/get-report-review';
import { buildReportDocument } from '@/lib/server/submissions/build-report-document';
import { checkDocument } from '@/lib/server/submissions/check-document';
import { postingOf } from '@/lib/server/submissions/posting';
import { AS_OF, registryFins, scopeOf, seededDatabase } from '../api/api-fixtures';
import type { TestDatabase } from '../helpers/test-database';

// The report's rules have one engine (issue 11 §3). The same report through its three entry
// points — the payroll API's validate, the check page of the draft POST /reports made, and the
// automatic checks of the document that draft would sign — gives the same messages.

const MONTHS = ['2025-07', '2025-08', '2025-09'];
/** Rules about the draft's state rather than its content: a saved draft is not distributed yet,
 * a signed one was; the recorded penalty is the draft's own note. */
const STATE_ONLY = new Set(['NOT_DISTRIBUTED', 'PENALTY_OUT_OF_DATE']);

type Message = { severity: string; code: string; step?: string; month?: string; fin?: string };
const key = (m: Message) =>
  `${m.severity}|${m.code}|${m.step ?? ''}|${m.month ?? ''}|${m.fin ?? ''}`;
const rules = (messages: readonly Message[]) =>
  messages
    .filter((m) => !STATE_ONLY.has(m.code) && m.severity !== 'info')
    .map(key)
    .sort();

describe('one report-rules engine, three entry points (issue 11 §3)', () => {
  let database: TestDatabase;
  let pool: string[];
  let signers: { fin: string; documentType: 'DIN' | 'MIQRASIYA' }[];
  let reasons: string[];
  beforeAll(async () => {
    database = await seededDatabase();
    pool = await registryFins(database.db, 30);
    signers = await database.db
      .select({ fin: registryPersons.fin, documentType: registryPersons.documentType })
      .from(registryPersons)
      .orderBy(registryPersons.fin)
      .limit(2);
    reasons = (
      await database.db.select({ code: nonLiableIncomeReasons.code }).from(nonLiableIncomeReasons)
    ).map((r) => r.code);
  });
  afterAll(async () => database?.close());

  const someMonths = <T>(value: fc.Arbitrary<T>) =>
    fc
      .subarray(MONTHS)
      .chain((ms) =>
        fc
          .tuple(...ms.map(() => value))
          .map((vs) => Object.fromEntries(ms.map((m, i) => [m, vs[i]]))),
      );
  const amount = fc.integer({ min: 0, max: 500_000 }).map(toApiAmount);

  it('gives the same blocking errors and warnings for 200 random reports', async () => {
    const scope = await scopeOf(database.db, 'xezer', 'xezer-director');
    const payload = fc.record({
      labourPayments: someMonths(amount),
      headcount: someMonths(fc.integer({ min: 0, max: 4 })),
      nonLiableIncome: fc.array(
        fc.record({
          reasonCode: fc.constantFrom(...reasons),
          month: fc.constantFrom(...MONTHS),
          amount: fc.integer({ min: 1, max: 100_000 }).map(toApiAmount),
        }),
        { maxLength: 2 },
      ),
      persons: fc
        .uniqueArray(fc.constantFrom(...pool), { maxLength: 5 })
        .chain((fins) =>
          fc
            .tuple(...fins.map(() => someMonths(amount)))
            .map((incomes) => fins.map((fin, i) => ({ fin, incomes: incomes[i]! }))),
        ),
      signatories: fc.record(
        { responsible: fc.constant(signers[0]!), chiefAccountant: fc.constant(signers[1]!) },
        { requiredKeys: [] },
      ),
    });
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const body = { activityCode: '62.01', year: 2025, quarter: 3, ...p };
        const validated = await validateReportPayload(database.db, scope, body, AS_OF);
        const { reportId } = await upsertReportFromPayload(database.db, scope, body, {
          asOf: AS_OF,
        });
        const review = await getReportReview(database.db, scope, { reportId });
        const report = await loadReportContext(database.db, scope, reportId);
        const { document } = await buildReportDocument(database.db, report, { asOf: AS_OF });
        const schedule = await loadContributionSchedule(database.db);
        const accepted = checkDocument(document, schedule, postingOf(document, schedule));
        // The API also names the FIN whose registry name differs: not a report rule.
        const api = rules(validated.messages.filter((m) => m.path === undefined));
        expect(rules(review.messages)).toEqual(api);
        expect(rules(accepted)).toEqual(api);
        compared += 1;
      }),
      { numRuns: 200, seed: 20_261_204 },
    );
    expect(compared).toBe(200);
  }, 600_000);
});
