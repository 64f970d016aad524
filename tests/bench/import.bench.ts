// Bulk import benchmark (issue 5 §8, issue 15): generated N-person CSVs (default 50 000 and
// 200 000; BENCH_PERSONS overrides, e.g. "50000" or "50000,200000") parsed, validated, saved and
// distributed through the use cases on a fresh migrated + seeded database — PGlite (memory://)
// and, when TEST_DATABASE_URL is set, PostgreSQL — against PostgreSQL's own `COPY report_persons
// FROM STDIN` of the same rows. The import's stages are split by its progress callback.
// Targets: app time ≤ 3× COPY on PostgreSQL, ≤ 4× on PGlite, linear in N. Prints figures;
// never asserts on time.
import { register } from 'node:module';
import postgres from 'postgres';
import { openBenchDatabase } from './bench-database';

const SIZES = (process.env.BENCH_PERSONS ?? '50000,200000')
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const FIN_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // DİN FINs: no I, no O

// lib/server starts with `import 'server-only'`, which throws outside Next's server bundle.
// Benchmarks run under plain tsx, so resolve it to an empty module before importing lib/server.
register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
  )}`,
);

type Person = { fin: string; surname: string; name: string; incomes: [number, number, number] };

/** Deterministic persons: FIN 'X' + base-34 index (no seeded FIN starts with X and has this shape), wages with odd qəpiks. */
function makePersons(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => {
    let code = '';
    for (let k = 0, v = i; k < 6; k += 1, v = Math.floor(v / 34))
      code = FIN_ALPHABET[v % 34] + code;
    const wage = 40_000 + ((i * 7919) % 310_000);
    return {
      fin: `X${code}`,
      surname: `Soyadov${i % 997}`,
      name: `Ad${i % 89}`,
      incomes: [wage, wage + (i % 3), wage],
    };
  });
}

function azn(qepik: number): string {
  const whole = String(Math.floor(qepik / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole},${String(qepik % 100).padStart(2, '0')}`;
}

function toCsv(persons: Person[], months: readonly string[]): Uint8Array {
  const lines = [`FIN;Soyad;Ad;${months.join(';')}`];
  for (const p of persons)
    lines.push(`${p.fin};${p.surname};${p.name};${p.incomes.map(azn).join(';')}`);
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function runOn(
  engine: 'pglite' | 'postgres',
  adminUrl: string | undefined,
  persons: Person[],
) {
  const schema = await import('@/db/schema');
  const { seedEmployer } = await import('@/db/seed/employers');
  const { demoActor } = await import('../integration/helpers/identity-fixtures');
  const { insertDraftReport, REPORTS_AS_OF } =
    await import('../integration/helpers/report-fixtures');
  const { resolveEmployerAccess } = await import('@/lib/server/access');
  const { importPersons } = await import('@/lib/server/reports/import/import-persons');
  const { MAX_ROWS } = await import('@/lib/server/reports/import/limits');
  const { distributeReport } = await import('@/lib/server/reports/distribution/distribute-report');

  const { database, url, close } = await openBenchDatabase(
    engine,
    engine === 'postgres' ? adminUrl : undefined,
    4,
  );
  try {
    const db = database.db;
    for (let i = 0; i < persons.length; i += 1000) {
      await db
        .insert(schema.registryPersons)
        .values(
          persons.slice(i, i + 1000).map((p, k) => ({
            fin: p.fin,
            surname: p.surname,
            name: p.name,
            patronymic: 'Benç oğlu',
            birthDate: '1990-01-01',
            documentType: 'DIN' as const,
            documentNumber: `BB${String(i + k).padStart(7, '0')}`,
            documentValidTo: '2030-01-01',
          })),
        )
        .onConflictDoNothing();
    }
    const kur = seedEmployer('kur');
    const access = await resolveEmployerAccess(
      db,
      demoActor('kur-director'),
      kur.id,
      'REPORTS',
      REPORTS_AS_OF,
    );
    if (!access.ok) throw new Error(access.reason);
    const months = ['2025-07', '2025-08', '2025-09'];
    const totals = [0, 1, 2].map((m) => persons.reduce((t, p) => t + p.incomes[m]!, 0));
    const reportId = await insertDraftReport(db, {
      employerKey: 'kur',
      activityCode: '41.20',
      labourPaymentsQepik: totals,
      headcount: totals.map(() => persons.length),
    });
    const parts: Uint8Array[] = [];
    for (let from = 0; from < persons.length; from += MAX_ROWS)
      parts.push(toCsv(persons.slice(from, from + MAX_ROWS), months));
    const fileBytes = parts.reduce((t, p) => t + p.byteLength, 0);

    // A file holds at most MAX_ROWS rows (issue 12 §5): a larger report is imported as several
    // files, the first replacing, the others appended — as a user would. Each stage's time is
    // summed over the files, from the import's own progress callback.
    const stageMs = { READ: 0, CHECK: 0, SAVE: 0 };
    const save = await timed(async () => {
      for (const [index, part] of parts.entries()) {
        let stage: keyof typeof stageMs = 'READ';
        let since = performance.now();
        await importPersons(
          db,
          access.scope,
          {
            reportId,
            mode: index === 0 ? 'replace' : 'append',
            source: { kind: 'file', data: part },
          },
          {
            onProgress: (p) => {
              if (p.stage === stage) return;
              const at = performance.now();
              stageMs[stage] += at - since;
              [stage, since] = [p.stage, at];
            },
          },
        );
        stageMs[stage] += performance.now() - since;
      }
    });
    const span = (s: keyof typeof stageMs) => stageMs[s].toFixed(0);
    const distribute = await timed(() => distributeReport(db, access.scope, { reportId }));
    if (distribute.value.warnings.length > 0) throw new Error('unexpected reconciliation warnings');
    const appMs = save.ms + distribute.ms;
    console.log(
      `${engine}: ${persons.length} persons, ${(fileBytes / 1e6).toFixed(1)} MB in ${parts.length} file(s) — read ${span('READ')} ms, check ${span('CHECK')} ms, save ${span('SAVE')} ms, ` +
        `import ${save.ms.toFixed(0)} ms, distribute ${distribute.ms.toFixed(0)} ms → app ${appMs.toFixed(0)} ms`,
    );

    let copyMs: number | undefined;
    if (url) {
      const copyReport = await insertDraftReport(db, {
        employerKey: 'kur',
        activityCode: '41.20',
        quarter: 2,
      });
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      const copy = await timed(async () => {
        const stream =
          await sql`copy report_persons (report_id, employer_id, fin, surname, name, patronymic, income_m1_qepik, income_m2_qepik, income_m3_qepik) from stdin`.writable();
        const chunk: string[] = [];
        for (const p of persons) {
          chunk.push(
            `${copyReport}\t${kur.id}\t${p.fin}\t${p.surname}\t${p.name}\tBenç oğlu\t${p.incomes.join('\t')}\n`,
          );
          if (chunk.length === 5000) stream.write(chunk.splice(0).join(''));
        }
        stream.end(chunk.join(''));
        await new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
        });
      });
      await sql.end({ timeout: 5 });
      copyMs = copy.ms;
      console.log(`postgres COPY of the same ${persons.length} rows: ${copy.ms.toFixed(0)} ms`);
    }
    return { appMs, copyMs };
  } finally {
    await close();
  }
}

/** Runs the import benchmark at each size on PGlite and, with TEST_DATABASE_URL, on PostgreSQL. */
export async function run(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
  const perRow: { n: number; pglite: number; pg?: number }[] = [];
  for (const n of SIZES) {
    const persons = makePersons(n);
    const pglite = await runOn('pglite', undefined, persons);
    if (!adminUrl) {
      console.log('TEST_DATABASE_URL not set: PostgreSQL and COPY skipped.');
      perRow.push({ n, pglite: pglite.appMs / n });
      continue;
    }
    const pg = await runOn('postgres', adminUrl, persons);
    perRow.push({ n, pglite: pglite.appMs / n, pg: pg.appMs / n });
    if (pg.copyMs) {
      console.log(
        `${n} persons, ratio to COPY (targets ≤ 3× PostgreSQL, ≤ 4× PGlite): PostgreSQL ${(pg.appMs / pg.copyMs).toFixed(1)}×, PGlite ${(pglite.appMs / pg.copyMs).toFixed(1)}×`,
      );
    }
  }
  const first = perRow[0];
  for (const r of perRow.slice(1)) {
    if (!first) break;
    // 1.0 = linear: the same time per row at the larger size.
    console.log(
      `linearity ${first.n} → ${r.n}: time per row ×${(r.pglite / first.pglite).toFixed(2)} PGlite` +
        (r.pg !== undefined && first.pg !== undefined
          ? `, ×${(r.pg / first.pg).toFixed(2)} PostgreSQL`
          : ''),
    );
  }
}
