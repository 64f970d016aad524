import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  payments,
  preferentialSeniorityEntries,
  registryPersons,
  reportNonLiableIncomes,
  reportSeniority,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { NON_LIABLE_INCOME_REASONS } from '@/db/seed/reference-data';
import { STEP_IDS } from '@/lib/report-wizard/steps';
import { createReport } from '@/lib/server/reports/create-report';
import { GET as importTemplate } from '@/app/(employer)/reports/[reportId]/import-template/route';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { WIZARD_ACTIONS, type WizardAction } from './wizard-action-modules';
import { reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  asPerson,
  callAction,
  expectHandled,
  hostileArg,
  principalOf,
  useAsAppDatabase,
  type ActionOutcome,
} from '../helpers/action-harness';

// Issue 11 "Done means": every exported action of the report wizard, called as the Xəzər
// director with whatever a browser can send — wrong types, missing and extra arguments, NUL and
// control characters, megabytes, huge numbers, Kür's draft, random ids — and with arguments of
// the right shape around the real Xəzər draft, so the calls get past the schema into the use
// cases. None may crash (a 500) or show a raw code or library text. The modules are iterated:
// a new action is fuzzed with hostile arguments at once, and the test asks for its shape.

type Action = WizardAction;

const ACTIONS = [...WIZARD_ACTIONS].map(([name, action]) => ({ name, action }));

/** Something wrong inside a value that is otherwise right: NUL, other control characters. */
const tainted = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u007f', '\r\n', '\t'))
    .map(([s, c]) => `${s}${c}${s}`);

const amountText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '0',
      '1 234,56',
      '12,345',
      '1,5',
      '-5',
      '−5',
      '1e9',
      'AZN 1,000.00',
      '250 ₼',
      '1 000 000 000,00',
      '1 000 000 000,01',
      '99999999999999999999999',
      '1'.repeat(41),
      'NaN',
    ),
  },
  fc.integer({ min: 0, max: 10_000_000 }).map((q) => `${Math.floor(q / 100)},${q % 100}`),
  fc.string({ maxLength: 12 }),
  tainted(fc.constantFrom('100', '1 234,56')),
);
const headcountText = fc.oneof(
  fc.constantFrom('', '0', '12', '-1', '1,5', '123456789', '00000003', ' 7 '),
  fc.nat().map(String),
  amountText,
);
const QUARTER_MONTHS = ['2025-07', '2025-08', '2025-09'];
const month = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUARTER_MONTHS) },
  fc.constantFrom('2025-10', '2024-07', '2025-13', '', 'x'),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 2100 }),
  fc.constantFrom(2019, 2024, 2025, 2026, 1, 2, 3, 4, 0, -0, NaN, Infinity, 1e308, 2 ** 53 + 1),
  fc.double(),
);
const word = fc.oneof(fc.string({ maxLength: 16 }), tainted(fc.string({ maxLength: 4 })));
/** A value from `right` most of the time, else a word or anything at all. */
const mostly = <T>(right: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: right }, word, hostileArg);

/** Live ids of the Xəzər draft's rows and the seed's reference data, read before each action. */
type Pools = {
  payments: string[];
  incomes: string[];
  seniority: string[];
  fins: string[];
  entries: string[];
};

/** Arguments of the right shape for each action, their values right, wrong or hostile. */
function shapes(ids: fc.Arbitrary<string>, pools: Pools): Record<string, fc.Arbitrary<unknown[]>> {
  const someId = (pool: string[]) =>
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool, crypto.randomUUID()) }, fc.uuid());
  const fin = mostly(fc.constantFrom(...pools.fins, '1234567', 'ABCDEFG', 'io0IO0o', ''));
  const incomes = fc.array(mostly(amountText), { maxLength: 4 });
  const monthValues = (value: fc.Arbitrary<string>) =>
    fc.array(fc.record({ month, value }), { maxLength: 4 });
  const step = mostly(fc.constantFrom(...STEP_IDS, 'F1', 'F99'));
  const nonLiable = fc.record({
    reasonCode: mostly(fc.constantFrom(...NON_LIABLE_INCOME_REASONS.map((r) => r.code), '')),
    month: mostly(month),
    amount: mostly(amountText),
  });
  const documentType = mostly(fc.constantFrom('DIN', 'MIQRASIYA'));
  const form = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.record(fields, { requiredKeys: [] }).map((values) => {
      const data = new FormData();
      for (const [name, v] of Object.entries(values))
        if (v instanceof File || typeof v === 'string') data.set(name, v);
      return data;
    });
  const csv = (body: fc.Arbitrary<string>) =>
    body.map((b) => new File([`FIN;Soyad;Ad;2025-07;2025-08;2025-09\r\n${b}`], 'persons.csv'));
  const csvRow = fc
    .tuple(fin, word, word, amountText, amountText, amountText)
    // A hostile cell (an object without toString) is written as its JSON.
    .map((cells) =>
      cells.map((c) => (typeof c === 'string' ? c : (JSON.stringify(c) ?? ''))).join(';'),
    );
  const editedRow = fc.record(
    {
      line: mostly(fc.integer({ min: 1, max: 50 })),
      fin,
      surname: mostly(fc.constantFrom('Məmmədov', '')),
      name: mostly(fc.constantFrom('Əli', '')),
      incomes: fc.array(mostly(amountText), { maxLength: 4 }),
      skip: fc.boolean(),
    },
    { requiredKeys: ['fin', 'incomes'] },
  );
  return {
    'step.continueStepAction': fc.tuple(ids, step),
    'step.saveLabourPaymentsAction': fc.tuple(ids, monthValues(amountText)),
    'step.saveHeadcountAction': fc.tuple(ids, monthValues(headcountText)),
    'money.addReportPaymentAction': fc.tuple(ids, someId(pools.payments), mostly(amountText)),
    'money.addAllReportPaymentsAction': fc.tuple(ids, mostly(fc.boolean())),
    'money.removeReportPaymentAction': fc.tuple(ids, someId(pools.payments)),
    'money.addNonLiableIncomeAction': fc.tuple(ids, nonLiable),
    'money.updateNonLiableIncomeAction': fc.tuple(ids, someId(pools.incomes), nonLiable),
    'money.deleteNonLiableIncomeAction': fc.tuple(ids, someId(pools.incomes)),
    'money.computePenaltyAction': fc.tuple(ids),
    'money.continuePenaltyAction': fc.tuple(ids),
    'money.saveReportLinesAction': fc.tuple(
      ids,
      mostly(fc.constantFrom('F13', 'F14', 'F15', 'F16', 'F7', 'REVIEW')),
      fc.record({ accrued: mostly(amountText), paid: mostly(amountText) }, { requiredKeys: [] }),
    ),
    'persons.goNextAction': fc.tuple(ids, step),
    'persons.distributeAction': fc.tuple(ids),
    'persons.addPersonAction': fc.tuple(ids, fc.record({ fin, incomes })),
    'persons.updatePersonAction': fc.tuple(ids, fin, incomes),
    'persons.deletePersonAction': fc.tuple(ids, fin),
    'persons.prefillAction': fc.tuple(ids),
    'persons.startImportAction': fc.tuple(ids),
    'persons.importPersonsAction': fc.tuple(
      ids,
      form({
        file: fc.oneof(
          {
            weight: 3,
            arbitrary: csv(fc.array(csvRow, { maxLength: 4 }).map((r) => r.join('\r\n'))),
          },
          csv(fc.string({ maxLength: 200 })),
          fc.uint8Array({ maxLength: 400 }).map((b) => new File([b], 'persons.xlsx')),
          fc.constant(new File([], 'empty.csv')),
          word,
        ),
        mode: mostly(fc.constantFrom('append', 'replace')),
        rows: fc.oneof(
          fc.array(editedRow, { maxLength: 3 }).map((rows) => JSON.stringify(rows)),
          fc.constantFrom('', '[]', '{', 'null', '[1,2]'),
          fc.json(),
        ),
      }),
    ),
    'persons.checkRowsAction': fc.tuple(
      ids,
      mostly(fc.constantFrom('append', 'replace')),
      fc.array(fc.oneof({ weight: 4, arbitrary: editedRow }, hostileArg), { maxLength: 4 }),
    ),
    'persons.addSeniorityAction': fc.tuple(
      ids,
      fc.record({
        fin,
        entryId: mostly(fc.constantFrom(...pools.entries, '0', '999999')),
        period: mostly(fc.constantFrom('days', 'dates')),
        days: mostly(fc.constantFrom('', '1', '10', '92', '93', '0', '1,5', '99999')),
        fromDate: mostly(
          fc.constantFrom('', '2025-07-01', '2025-09-30', '2025-10-01', '2025-02-30'),
        ),
        toDate: mostly(fc.constantFrom('', '2025-07-31', '2025-09-30', '2025-06-30')),
      }),
    ),
    'persons.deleteSeniorityAction': fc.tuple(ids, someId(pools.seniority)),
    'persons.findSignatoryAction': fc.tuple(fc.record({ fin, documentType })),
    'persons.saveSignatoryAction': fc.tuple(
      ids,
      fc.record({
        role: mostly(fc.constantFrom('RESPONSIBLE', 'CHIEF_ACCOUNTANT')),
        fin,
        documentType,
      }),
    ),
    'persons.confirmWarningsAction': fc.tuple(
      ids,
      fc.array(
        fc.record({
          key: mostly(fc.constantFrom('F21:2025-07', 'F20:2025-08', '')),
          reason: mostly(fc.oneof(fc.string({ maxLength: 30 }), fc.constant('x'.repeat(501)))),
        }),
        { maxLength: 3 },
      ),
    ),
    'persons.markReadyAction': fc.tuple(ids),
    'newReport.createReportAction': fc.tuple(
      fc.record({
        reportType: mostly(fc.constantFrom('INITIAL', 'CORRECTIVE')),
        year: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(2024, 2025, 2026) }, number),
        quarter: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(1, 2, 3, 4) }, number),
        activityCode: mostly(fc.constantFrom('62.01', '41.20', '70.22')),
      }),
    ),
    'view.retryChecksAction': fc.tuple(form({ reportId: fc.oneof(ids, word) })),
  };
}

/** The shape, each argument now and then replaced by a hostile one, or one dropped or added. */
function mutated(shape: fc.Arbitrary<unknown[]>): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(
      shape,
      fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, hostileArg), { maxLength: 4 }),
      fc.constantFrom('keep', 'keep', 'keep', 'drop', 'add'),
    )
    .map(([args, swaps, edit]) => {
      const out = args.map((a, i) => (swaps[i] === null || swaps[i] === undefined ? a : swaps[i]));
      if (edit === 'drop') out.pop();
      if (edit === 'add') out.push(swaps.at(-1) ?? 'extra');
      return out;
    });
}

describe('every wizard step action, fuzzed (issue 11 Done means)', () => {
  let database: TestDatabase;
  let xezerDraft: string;
  let kurDraft: string;
  const xezer = principalOf('xezer-director', 'xezer');
  let calls = 0;
  const outcomes = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
    const quarter = { reportType: 'INITIAL', year: 2025, quarter: 3 };
    xezerDraft = (
      await createReport(database.db, await reportsScope(database.db, 'xezer', 'xezer-director'), {
        ...quarter,
        activityCode: '62.01',
      })
    ).reportId;
    kurDraft = (
      await createReport(database.db, await reportsScope(database.db, 'kur', 'kur-director'), {
        ...quarter,
        activityCode: '41.20',
      })
    ).reportId;
  });
  afterAll(async () => {
    const summary = [...outcomes].map(([k, n]) => `${k}: ${n}`).join(', ');
    console.log(`wizard actions fuzz: ${ACTIONS.length} actions, ${calls} calls (${summary})`);
    await database?.close();
  });

  async function pools(): Promise<Pools> {
    const db = database.db;
    const xezerId = seedEmployer('xezer').id;
    const col = <T>(rows: T[], pick: (r: T) => string | number) => rows.map((r) => String(pick(r)));
    return {
      payments: col(
        await db
          .select({ id: payments.id })
          .from(payments)
          .where(and(eq(payments.employerId, xezerId), eq(payments.activityCode, '62.01')))
          .limit(30),
        (r) => r.id,
      ),
      incomes: col(
        await db
          .select({ id: reportNonLiableIncomes.id })
          .from(reportNonLiableIncomes)
          .where(eq(reportNonLiableIncomes.reportId, xezerDraft)),
        (r) => r.id,
      ),
      seniority: col(
        await db
          .select({ id: reportSeniority.id })
          .from(reportSeniority)
          .where(eq(reportSeniority.reportId, xezerDraft)),
        (r) => r.id,
      ),
      fins: col(
        await db.select({ fin: registryPersons.fin }).from(registryPersons).limit(20),
        (r) => r.fin,
      ),
      entries: col(
        await db
          .select({ id: preferentialSeniorityEntries.id })
          .from(preferentialSeniorityEntries)
          .limit(5),
        (r) => r.id,
      ),
    };
  }

  async function call(name: string, action: Action, args: unknown[]): Promise<void> {
    calls += 1;
    const outcome: ActionOutcome = await asPerson(xezer, () => callAction(action, args));
    outcomes.set(outcome.kind, (outcomes.get(outcome.kind) ?? 0) + 1);
    expectHandled(name, args, outcome);
  }

  it('knows the shape of every action it finds', async () => {
    const known = Object.keys(shapes(fc.constant(''), await pools()));
    expect(ACTIONS.map((a) => a.name).sort()).toEqual(known.sort());
  });

  it.each(ACTIONS.map((a) => [a.name, a] as const))(
    '%s: no crash, no raw text',
    async (name, { action }) => {
      const ids = fc.oneof(
        { weight: 6, arbitrary: fc.constant(xezerDraft) },
        fc.constant(kurDraft),
        fc.uuid(),
      );
      const shape = shapes(ids, await pools())[name];
      // Anything at all, in any number, including nothing.
      const hostile = fc.array(hostileArg, { maxLength: 5 });
      const args = shape
        ? fc.oneof(
            { weight: 2, arbitrary: shape },
            { weight: 2, arbitrary: mutated(shape) },
            hostile,
          )
        : hostile;
      await fc.assert(
        fc.asyncProperty(args, (a) => call(name, action, a)),
        { numRuns: 100 },
      );
    },
  );

  it('the import template route answers a file or 404 for any id and format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(xezerDraft), fc.constant(kurDraft), fc.uuid(), fc.string(), word),
        fc.oneof(fc.constantFrom('csv', 'xlsx'), fc.string({ maxLength: 8 })),
        async (reportId, format) => {
          calls += 1;
          const request = new Request(
            `http://localhost/reports/x/import-template?format=${encodeURIComponent(format)}`,
          );
          const response = await asPerson(xezer, () =>
            importTemplate(request, { params: Promise.resolve({ reportId }) }),
          );
          expect([200, 404], reportId).toContain(response.status);
          if (reportId === xezerDraft) expect(response.status).toBe(200);
        },
      ),
      { numRuns: 60 },
    );
  });
});
