// Staff payments benchmark (issue 14 §5): a 10 000-line camt.053 statement imported end to end
// through the use cases — parse, match against 2 000 employers, store the lines (importStatement)
// and record every matched line as a payment (confirmImport, one INSERT … SELECT) — on
// PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, an admin URL: a database is created and
// dropped), and on PGlite when BENCH_PAYMENTS_PGLITE=1. Target: under 5 s on PostgreSQL.
// Prints the wall time of each step; never asserts on time.
import { register } from 'node:module';
import { openBenchDatabase } from './bench-database';

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
  )}`,
);

const LINES = 10_000;
const EMPLOYERS = 2_000;

/** A VÖEN (9 digits, then 1 or 2) for bench employer k, outside the seed's. */
function voen(k: number): string {
  return `${String(300_000_000 + k)}${k % 2 === 0 ? '1' : '2'}`;
}

async function bench(engine: 'pglite' | 'postgres', adminUrl: string | undefined) {
  const { database, close } = await openBenchDatabase(engine, adminUrl, 4);
  try {
    const db = database.db;
    const { sql } = await import('drizzle-orm');
    const { writeCamt053 } = await import('@/tests/fixtures/bank-statements/write-statements');
    const { importStatement, readStatementFile } =
      await import('@/lib/server/staff/payments/import-statement');
    const { confirmImport } = await import('@/lib/server/staff/payments/confirm-import');
    const { staffScopeOf, STAFF_KEYS } = await import('../integration/helpers/staff-fixtures');
    const { seedEmployer } = await import('@/db/seed/employers');
    const fin = seedEmployer('xezer').responsibleFin;
    // 2 000 employers of the Nəsimi body, each registered for 62.01, in two statements.
    await db.execute(sql`
      insert into employers (id, name, employer_type, dsmf_reg_number, voen, local_body_code,
        local_body_name, responsible_fin)
      select gen_random_uuid(), 'Bench ' || k, 'LEGAL_ENTITY', (7000000000 + k)::text,
        (300000000 + k)::text || case when k % 2 = 0 then '1' else '2' end, '03',
        'Nəsimi rayon şöbəsi', ${fin}
      from generate_series(0, ${EMPLOYERS - 1}) k`);
    await db.execute(sql`
      insert into employer_activity_codes (employer_id, activity_code)
      select id, '62.01' from employers where name like 'Bench %'`);
    const lines = Array.from({ length: LINES }, (_, i) => {
      const k = (i * 7919) % EMPLOYERS;
      const qepik = 100 + ((i * 104_729) % 10_000_000);
      return {
        reference: `BENCH${Date.now().toString(36)}${String(i).padStart(8, '0')}`,
        bookingDate: '2026-11-12',
        valueDate: `2026-11-${String(1 + (i % 12)).padStart(2, '0')}`,
        amount: `${Math.floor(qepik / 100)}.${String(qepik % 100).padStart(2, '0')}`,
        payerName: `Bench ${k}`,
        voen: voen(k),
        iban: `AZ00BANK${String(k).padStart(20, '0')}`,
        remittance: `${i % 2 === 0 ? '121111' : '121211'} MDSS oktyabr 2026`,
      };
    });
    const file = new TextEncoder().encode(writeCamt053(lines));
    const operator = await staffScopeOf(db, STAFF_KEYS.operator);
    const asOf = new Date('2026-11-20T09:00:00Z');
    // The reading alone (groundwork parser, no database), to tell it from the database's share.
    const parseCpu = process.cpuUsage();
    const parseStart = performance.now();
    readStatementFile(file);
    const parseUsed = process.cpuUsage(parseCpu);
    console.log(
      `${engine}: reading the camt.053 alone: ${(performance.now() - parseStart).toFixed(0)} ms wall, ${((parseUsed.user + parseUsed.system) / 1000).toFixed(0)} ms CPU`,
    );
    const cpu = process.cpuUsage();
    const start = performance.now();
    const summary = await importStatement(
      db,
      operator,
      { fileName: 'bench.xml', bytes: file },
      asOf,
    );
    const imported = performance.now();
    const confirmed = await confirmImport(db, operator, { importId: summary.importId }, asOf);
    const end = performance.now();
    const used = process.cpuUsage(cpu);
    if (summary.matched !== LINES || confirmed.recorded !== LINES) {
      throw new Error(`expected ${LINES} recorded, got ${JSON.stringify({ summary, confirmed })}`);
    }
    console.log(
      `${engine}: ${LINES} lines (${(file.byteLength / 1e6).toFixed(1)} MB camt.053, ${EMPLOYERS} employers): ` +
        `import (parse + match + store lines) ${(imported - start).toFixed(0)} ms, ` +
        `confirm (record ${confirmed.recorded} payments) ${(end - imported).toFixed(0)} ms, ` +
        `total ${(end - start).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU of this process ` +
        '(the machine may be shared: wall includes waiting for a core and the server)',
    );
    // A second import of the same file: every line a duplicate, nothing recorded.
    const againStart = performance.now();
    const again = await importStatement(db, operator, { fileName: 'bench.xml', bytes: file }, asOf);
    console.log(
      `${engine}: re-import of the same file: ${again.duplicate} duplicates, ${again.matched} matched, ${(performance.now() - againStart).toFixed(0)} ms wall`,
    );
  } finally {
    await close();
  }
}

export async function run(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
  if (adminUrl) await bench('postgres', adminUrl);
  else console.log('payments: set TEST_DATABASE_URL (PostgreSQL admin URL) to measure PostgreSQL');
  if (process.env.BENCH_PAYMENTS_PGLITE === '1') await bench('pglite', undefined);
}
