// `npm run bench:national` (issue 15 §11): national volume in the PostgreSQL database
// bench_national — dropped and generated afresh, then kept so it can be measured again with
// BENCH_NATIONAL_SKIP_GENERATE=1 (or `--measure`) — and the p95 of the pages that read it.
//
// BENCH_NATIONAL_ADMIN_URL (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
// BENCH_NATIONAL_EMPLOYERS (100000) · BENCH_NATIONAL_PERSONS (1700000)
// BENCH_NATIONAL_YEARS (5: reports, submissions and ledger) · BENCH_NATIONAL_PM_YEARS (1: the
//   years of person-month rows, from 2026 Q2 back; 5 is the full ~100 M rows — see README
//   "Scaling") · BENCH_NATIONAL_RUNS (20 timed runs per page after one warm-up)
// BENCH_NATIONAL_DB (bench_national: the database dropped and generated)
// BENCH_NATIONAL_QUEUE_ONLY=1: employers, reports and submissions only, a seventh of the last
//   quarter's reports pending, and only the staff review queue measured (a few minutes instead
//   of ~45 min and 19 GB)
import os from 'node:os';
import postgres from 'postgres';

const env = process.env;
const ADMIN_URL =
  env.BENCH_NATIONAL_ADMIN_URL ??
  env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = env.BENCH_NATIONAL_DB ?? 'bench_national';
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error(`national bench: bad database ${DB_NAME}`);
const skipGenerate = env.BENCH_NATIONAL_SKIP_GENERATE === '1' || process.argv.includes('--measure');
const volume = {
  employers: Number(env.BENCH_NATIONAL_EMPLOYERS ?? 100_000),
  persons: Number(env.BENCH_NATIONAL_PERSONS ?? 1_700_000),
  years: Number(env.BENCH_NATIONAL_YEARS ?? 5),
  personMonthYears: Number(env.BENCH_NATIONAL_PM_YEARS ?? 1),
  queueOnly: env.BENCH_NATIONAL_QUEUE_ONLY === '1',
};
const RUNS = Number(env.BENCH_NATIONAL_RUNS ?? 20);
const DEMO = 'kur-director';
const TARGET_MS = 300;

const target = new URL(ADMIN_URL);
target.pathname = `/${DB_NAME}`;
const url = target.toString();
// lib/server's handle (getDb) is the bench database's, for the loaders that open it themselves.
process.env.DATABASE_URL = url;

async function recreate() {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.unsafe(`create database ${DB_NAME}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** A Q3 2026 draft filled from the roster, through the wizard's own use cases. */
async function createDraft(db: import('@/db/types').Db, employerId: string): Promise<string> {
  const { demoIdentity } = await import('@/db/seed/demo-identities');
  const { resolveEmployerAccess } = await import('@/lib/server/access');
  const { createReport } = await import('@/lib/server/reports/create-report');
  const { prefillPersonsFromRoster } =
    await import('@/lib/server/reports/persons/prefill-persons-from-roster');
  const { listActivityCodes } = await import('@/lib/server/reports/list-activity-codes');
  const person = demoIdentity(DEMO);
  const actor = {
    fin: person.fin,
    certificateSerial: `CARD-${person.cardNumber}`,
    method: 'ESIGN' as const,
  };
  const access = await resolveEmployerAccess(db, actor, employerId, 'REPORTS', new Date());
  if (!access.ok) throw new Error(`national bench: ${access.reason}`);
  const [code] = await listActivityCodes(db, access.scope);
  const { reportId } = await createReport(db, access.scope, {
    activityCode: code!.code,
    year: 2026,
    quarter: 3,
    reportType: 'INITIAL',
  });
  await prefillPersonsFromRoster(db, access.scope, { reportId });
  return reportId;
}

async function main() {
  const { openDatabase } = await import('@/db/client');
  const { BIG, TYPICAL, generate } = await import('./generate');
  const employerId = (g: number) => `0e000000-0000-4000-8000-${g.toString(16).padStart(12, '0')}`;
  console.log(
    `national bench: ${JSON.stringify(volume)} in ${DB_NAME}${skipGenerate ? ' (kept, not regenerated)' : ''}`,
  );
  if (!skipGenerate) {
    const started = performance.now();
    await recreate();
    const { migrate } = await import('@/db/migrate');
    const { seed } = await import('@/db/seed');
    const { seedDemoHistory } = await import('@/lib/server/demo/seed-history');
    const { demoIdentity } = await import('@/db/seed/demo-identities');
    const database = await openDatabase({ engine: 'postgres', url, maxConnections: 2 });
    try {
      await migrate(database);
      await seed(database.db);
      // Xəzər's history gives the template report the generator clones.
      await seedDemoHistory(database.db, { employerKeys: ['xezer'] });
      console.log(`  migrated and seeded: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await generate(sql, volume, demoIdentity(DEMO).fin);
      } finally {
        await sql.end({ timeout: 5 });
      }
      for (const g of volume.queueOnly ? [] : [BIG, TYPICAL]) {
        const t = performance.now();
        await createDraft(database.db, employerId(g));
        console.log(`  draft of employer ${g}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
      await database.db.execute((await import('drizzle-orm')).sql`analyze`);
    } finally {
      await database.close();
    }
    console.log(`national bench: ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const counts = await sql<{ relname: string; rows: string; size: string }[]>`
    select relname, reltuples::bigint::text as rows, pg_size_pretty(pg_total_relation_size(oid)) as size
    from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and reltuples > 100000
    order by reltuples desc`;
  const [dbSize] = await sql<
    { size: string }[]
  >`select pg_size_pretty(pg_database_size(current_database())) as size`;
  const drafts = await sql<{ id: string; employer_id: string; n: string }[]>`
    select r.id, r.employer_id, (select count(*) from report_persons p where p.report_id = r.id)::text as n
    from reports r where r.status = 'DRAFT' and r.employer_id = any(${[employerId(BIG), employerId(TYPICAL)]})`;
  await sql.end({ timeout: 5 });
  for (const c of counts)
    console.log(`  ${c.relname}: ${Number(c.rows).toLocaleString('en')} rows, ${c.size}`);
  console.log(`  database: ${dbSize?.size}`);
  const subjects = [BIG, TYPICAL].flatMap((g) => {
    const draft = drafts.find((d) => d.employer_id === employerId(g));
    return draft
      ? [
          {
            employerId: employerId(g),
            reportId: draft.id,
            label: `employer ${g} (${draft.n} persons)`,
          },
        ]
      : [];
  });
  const { measure } = await import('./measure');
  const database = await openDatabase({ engine: 'postgres', url, maxConnections: 2 });
  try {
    const rows = await measure(database.db, subjects, DEMO, RUNS);
    const [l1, l5, l15] = os.loadavg().map((n) => n.toFixed(2));
    console.log(
      `\nnational bench: ${RUNS} runs per page, load average ${l1} ${l5} ${l15}; target p95 ≤ ${TARGET_MS} ms`,
    );
    const width = Math.max(...rows.map((r) => r.page.length + r.employer.length + 3));
    for (const r of rows) {
      const label = `${r.page} · ${r.employer}`.padEnd(width);
      const verdict = r.p95 <= TARGET_MS ? 'ok' : 'OVER';
      console.log(
        `  ${label}  min ${r.min.toFixed(1).padStart(7)}  p50 ${r.p50.toFixed(1).padStart(7)}  p95 ${r.p95.toFixed(1).padStart(7)}  max ${r.max.toFixed(1).padStart(7)} ms  ${verdict}`,
      );
    }
  } finally {
    await database.close();
    const { getDatabase } = await import('@/db/client');
    await (await getDatabase()).close();
  }
}

await main();
