// Cabinet benchmark (issue 13, "Done means"): views 5, 7 and 8 for an employer with 50 000
// persons and five years of persons' accounts and ledger on PostgreSQL (TEST_DATABASE_URL), and
// on PGlite when BENCH_CABINET_PGLITE=1. Xəzər's demo history is filed through the sending path;
// the 50 000 × 60 person-months are then added in SQL on one of its submissions (the views read
// rows, not how they were posted). Prints the median of five runs per case; never asserts.
import { register } from 'node:module';
import { openBenchDatabase } from './bench-database';

const PERSONS = Number(process.env.BENCH_CABINET_PERSONS ?? 50_000);
const MONTHS = 60;

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
  )}`,
);

async function median(work: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

async function bench(engine: 'pglite' | 'postgres', adminUrl: string | undefined) {
  // BENCH_CABINET_KEEP=1 leaves the PostgreSQL database in place (for EXPLAIN ANALYZE), and
  // BENCH_CABINET_DB=<its URL> measures it again without the five minutes of loading.
  const reuse = engine === 'postgres' ? process.env.BENCH_CABINET_DB : undefined;
  const { openDatabase } = await import('@/db/client');
  const { database, close, url } = reuse
    ? {
        database: await openDatabase({ engine: 'postgres', url: reuse, maxConnections: 4 }),
        close: async () => {},
        url: reuse,
      }
    : await openBenchDatabase(engine, adminUrl, 4);
  const keep = (process.env.BENCH_CABINET_KEEP === '1' || reuse !== undefined) && url !== undefined;
  try {
    const db = database.db;
    const { sql } = await import('drizzle-orm');
    const { seedEmployer } = await import('@/db/seed/employers');
    const { seedDemoHistory } = await import('@/lib/server/demo/seed-history');
    const { demoActor } = await import('../integration/helpers/identity-fixtures');
    const { resolveEmployerAccess } = await import('@/lib/server/access');
    const { parseCabinetQuery } = await import('@/lib/cabinet/query');
    const { loadCabinetContext } = await import('@/lib/server/cabinet/cabinet-context');
    const { cabinetTablesLoader } = await import('@/lib/server/cabinet/view-tables');
    const { runWithRequestContext } = await import('@/lib/server/request-context');
    const xezer = seedEmployer('xezer');
    if (!reuse) await load();
    async function load() {
      await seedDemoHistory(db, { employerKeys: ['xezer'] });
      const loadStart = performance.now();
      // 50 000 persons in the registry (FINs upper case, as the registry and the URL spell them) and 60 months each on one accepted submission of 62.01.
      await db.execute(sql`
      insert into registry_persons (fin, surname, name, patronymic, birth_date, document_type, document_number, document_valid_to)
      select 'B' || upper(lpad(to_hex(g), 6, '0')), 'Soyad' || (g % 997), 'Ad' || (g % 113), 'Ata' || (g % 71),
             '1990-01-01', 'DIN', 'AA' || lpad(g::text, 7, '0'), '2035-01-01'
      from generate_series(1, ${PERSONS}) g on conflict do nothing`);
      await db.execute(sql`
      insert into person_account_entries (employer_id, activity_code, fin, month, report_id, submission_id,
        income_qepik, employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik, created_at)
      select s.employer_id, '62.01', 'B' || upper(lpad(to_hex(g), 6, '0')),
             to_char(date '2021-01-01' + (m || ' month')::interval, 'YYYY-MM'),
             s.report_id, s.id, 100000 + g % 5000, 22000, 3000, 22000, 2000, now()
      from (select sb.id, sb.report_id, sb.employer_id from submissions sb
            join reports r on r.id = sb.report_id
            where r.employer_id = ${xezer.id} and r.activity_code = '62.01' and r.status = 'ACCEPTED'
            limit 1) s,
           generate_series(1, ${PERSONS}) g, generate_series(0, ${MONTHS - 1}) m`);
      await db.execute(sql`analyze person_account_entries`);
      await db.execute(sql`analyze registry_persons`);
      console.log(
        `${engine}: ${PERSONS} persons × ${MONTHS} months added in ${Math.round(performance.now() - loadStart)} ms`,
      );
    }
    const actor = demoActor('xezer-director');
    const access = await resolveEmployerAccess(db, actor, xezer.id, 'REPORTS', new Date());
    if (!access.ok) throw new Error(access.reason);
    const scope = access.scope;
    const today = new Date(Date.now() + 4 * 3_600_000).toISOString().slice(0, 10);
    const view = async (id: 'V5' | 'V7' | 'V8', params: Record<string, string>) =>
      runWithRequestContext({ principal: null, locale: 'az' }, async () => {
        const { query } = parseCabinetQuery(params, today);
        const context = await loadCabinetContext(db, scope, query);
        return cabinetTablesLoader(id)!(db, context, 'screen');
      });
    const cases: [string, 'V5' | 'V7' | 'V8', Record<string, string>][] = [
      ['view 5 (all codes)', 'V5', {}],
      ['view 7 (62.01, all periods)', 'V7', { code: '62.01' }],
      ['view 7 (62.01, 2025 Q3)', 'V7', { code: '62.01', year: '2025', quarter: '3' }],
      ['view 8 page 1', 'V8', { code: '62.01' }],
      ['view 8 page 500', 'V8', { code: '62.01', page: '500' }],
      ['view 8 year 2024', 'V8', { code: '62.01', year: '2024' }],
      ['view 8 year 2024 page 500', 'V8', { code: '62.01', year: '2024', page: '500' }],
      ['view 8 2024 Q3', 'V8', { code: '62.01', year: '2024', quarter: '3' }],
      ['view 8 year 2024 name "soyad99"', 'V8', { code: '62.01', year: '2024', name: 'soyad99' }],
      [
        'view 8 year 2024 as at 2026-01-01',
        'V8',
        { code: '62.01', year: '2024', asOf: '2026-01-01' },
      ],
      ['view 8 FIN prefix B00C', 'V8', { code: '62.01', fin: 'B00C' }],
      ['view 8 name "soyad99"', 'V8', { code: '62.01', name: 'soyad99' }],
      ['view 8 one person', 'V8', { code: '62.01', person: 'B000C35' }],
    ];
    for (const [label, id, params] of cases) {
      try {
        const ms = await median(() => view(id, params));
        console.log(`${engine}: ${label}: ${ms.toFixed(0)} ms (median of 5)`);
      } catch (error) {
        console.log(`${engine}: ${label}: ${(error as { code?: string }).code ?? String(error)}`);
      }
    }
  } finally {
    if (keep) {
      console.log(`${engine}: database kept at ${url}`);
      await database.close();
    } else await close();
  }
}

export async function run(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await bench('postgres', adminUrl);
  else console.log('cabinet bench: set TEST_DATABASE_URL for the PostgreSQL figures');
  if (process.env.BENCH_CABINET_PGLITE === '1') await bench('pglite', undefined);
}
