// Where a cold load of the check figures goes (issue 15, F22 / check answers): a 50 000- and a
// 200 000-person draft generated in SQL (PostgreSQL with TEST_DATABASE_URL, else PGlite), then
// each part of the cold path timed on its own, 3 runs, min/median/max: the persons read as
// objects, the engine over every person, the rules, the whole review over every person, the
// persons read as grouped totals and the review from them, the kept payload's size, and the
// cold load itself (loadDraftReview after a change). Prints figures; never asserts.
import { register } from 'node:module';
import { openBenchDatabase } from './bench-database';

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
  )}`,
);

const SIZES = (process.env.BENCH_WIZARD_PERSONS ?? '50000,200000').split(',').map(Number);
const RUNS = 3;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (v: number | undefined) => (v ?? 0).toFixed(0);
  return `min ${f(s[0])} / median ${f(s[Math.floor(s.length / 2)])} / max ${f(s[s.length - 1])} ms`;
};

export async function run(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const engine = adminUrl ? 'postgres' : 'pglite';
  const { database, close } = await openBenchDatabase(engine, adminUrl, 4);
  try {
    const db = database.db;
    (globalThis as unknown as { hesabatDatabase?: Promise<unknown> }).hesabatDatabase =
      Promise.resolve(database);
    const { randomUUID } = await import('node:crypto');
    const { and, eq, sql } = await import('drizzle-orm');
    const schema = await import('@/db/schema');
    const { seedEmployer } = await import('@/db/seed/employers');
    const { quarterMonths } = await import('@/lib/domain');
    const { recountDraftPersons } = await import('@/lib/server/reports/draft-change');
    const { reportsScope } = await import('../integration/helpers/report-fixtures');
    const { loadReportContext } = await import('@/lib/server/reports/persons/report-context');
    const figuresModule = await import('@/lib/server/reports/figures/load-report-figures');
    const { personIncomesOf, checkDraftDetailed } =
      await import('@/lib/server/reports/review/check-draft');
    const reviewModule = await import('@/lib/server/reports/review/build-report-review');
    const { loadDraftReview } = await import('@/lib/server/reports/review/draft-review');
    const totalsModule = figuresModule as unknown as {
      loadReportTotals?: typeof figuresModule.loadReportFigures;
    };
    const reviewTotals = reviewModule as unknown as {
      buildReportReviewTotals?: typeof reviewModule.buildReportReview;
    };
    // Absent before issue 15's totals (the same bench measures both builds).
    const groups = await import('@/lib/server/reports/figures/load-person-incomes').then(
      (m) => m.loadPersonIncomes,
      () => null,
    );

    const kur = seedEmployer('kur');
    const scope = await reportsScope(db, 'kur', 'kur-director');
    for (const [index, persons] of SIZES.entries()) {
      const quarter = index === 0 ? 3 : 4;
      const months = `{${quarterMonths({ year: 2026, quarter }).join(',')}}`;
      const id = randomUUID();
      await db.insert(schema.reports).values({
        id,
        employerId: kur.id,
        activityCode: '41.20',
        year: 2026,
        quarter,
        reportType: 'INITIAL',
        createdByFin: kur.responsibleFin,
      });
      await db.execute(sql`insert into report_persons (report_id, employer_id, fin, surname, name,
          patronymic, income_m1_qepik, income_m2_qepik, income_m3_qepik)
        select ${id}, ${kur.id}, 'X' || lpad(upper(to_hex(i)), 6, '0'), 'Soyadov', 'Ad', 'Benç oğlu',
          w, w, case when i % 10 = 0 then null else w end
        from generate_series(1, ${persons}) i, lateral (select 40000 + (i * 7919) % 310000 as w) x`);
      await db.execute(sql`insert into report_months (report_id, employer_id, month, labour_payments_qepik, headcount)
        select ${id}, ${kur.id}, m, (select sum(case when i = 3 then income_m3_qepik else income_m1_qepik end)
          from report_persons where report_id = ${id}), ${persons}
        from unnest(${months}::text[]) with ordinality as q(m, i)`);
      await recountDraftPersons(db, { id, employerId: kur.id });
      await db.execute(sql`analyze report_persons`);
      console.log(`\n${engine}: cold check figures of ${persons} persons, part by part`);

      const t: Record<string, number[]> = {};
      const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
        const start = performance.now();
        const out = await work();
        (t[label] ??= []).push(performance.now() - start);
        return out;
      };
      let payloadBytes = 0;
      for (let i = 0; i < RUNS; i += 1) {
        const report = await loadReportContext(db, scope, id);
        const rows = await time('persons read as objects (SQL → JS)', () =>
          db
            .select({
              fin: schema.reportPersons.fin,
              m1: schema.reportPersons.incomeM1Qepik,
              m2: schema.reportPersons.incomeM2Qepik,
              m3: schema.reportPersons.incomeM3Qepik,
            })
            .from(schema.reportPersons)
            .where(
              and(
                eq(schema.reportPersons.reportId, id),
                eq(schema.reportPersons.employerId, kur.id),
              ),
            )
            .orderBy(schema.reportPersons.fin),
        );
        const context = await time('figures context (account, rates, F4)', () =>
          figuresModule.loadFiguresContext(db, report),
        );
        await time('engine over every person (computeReportFigures)', () =>
          figuresModule.computeFigures(context, {
            period: { year: report.year, quarter: report.quarter },
            sector: report.sector,
            persons: personIncomesOf(rows, report.months),
            months: [],
            nonLiableIncome: [],
            payments: [],
            lines: [],
          }),
        );
        const figures = await time('loadReportFigures (rows + engine)', () =>
          figuresModule.loadReportFigures(db, report),
        );
        await time('checkDraftDetailed (rules, over-bound SQL)', () =>
          checkDraftDetailed(db, report, figures),
        );
        await time('buildReportReview, every person', () =>
          reviewModule.buildReportReview(db, report),
        );
        if (groups) {
          await time('persons read as income lists (SQL → numbers)', () => groups(db, report));
        }
        if (totalsModule.loadReportTotals) {
          const totals = totalsModule.loadReportTotals;
          await time('loadReportTotals (rows + totals engine)', () => totals(db, report));
        }
        if (reviewTotals.buildReportReviewTotals) {
          const build = reviewTotals.buildReportReviewTotals;
          await time('buildReportReviewTotals', () => build(db, report));
        }
        // The cold load itself: a change of the draft, then the kept figures.
        await db.execute(
          sql`update reports set version = version + 1, updated_at = now() where id = ${id}`,
        );
        const changed = await loadReportContext(db, scope, id);
        const review = await time('loadDraftReview cold (compute + keep)', () =>
          loadDraftReview(db, changed),
        );
        await time('loadDraftReview warm', () => loadDraftReview(db, changed));
        payloadBytes = JSON.stringify(review).length;
      }
      for (const [label, xs] of Object.entries(t)) console.log(`  ${label}: ${stats(xs)}`);
      console.log(`  kept payload: ${(payloadBytes / 1024).toFixed(1)} kB of JSON`);
    }
  } finally {
    await close();
  }
}
