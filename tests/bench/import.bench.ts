// Bulk import benchmark (issue 5 §8, "Proof"): a generated N-person CSV (default 50 000;
// BENCH_PERSONS overrides) parsed, validated, saved and distributed through the use cases on a
// fresh migrated + seeded database — PGlite (memory://) and, when TEST_DATABASE_URL is set,
// PostgreSQL — against PostgreSQL's own `COPY report_persons FROM STDIN` of the same rows.
// Target: app time within 3× COPY. Prints figures; never asserts on time.
import { register } from 'node:module';
import postgres from 'postgres';
import { openBenchDatabase } from './bench-database';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 50_000);
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
  const { parsePersonFile } = await import('@/lib/server/reports/import/parse-person-file');
  const { validatePersonRows } = await import('@/lib/server/reports/import/validate-person-rows');
  const { importPersons } = await import('@/lib/server/reports/import/import-persons');
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
    const file = toCsv(persons, months);

    const parse = await timed(() => parsePersonFile(file, months));
    const validate = await timed(() =>
      validatePersonRows(db, access.scope, { reportId, mode: 'replace', rows: parse.value.rows }),
    );
    if (validate.value.rejected.length > 0)
      throw new Error(`unexpected rejections: ${validate.value.rejected.length}`);
    const save = await timed(() =>
      importPersons(db, access.scope, {
        reportId,
        mode: 'replace',
        source: { kind: 'file', data: file },
      }),
    );
    const distribute = await timed(() => distributeReport(db, access.scope, { reportId }));
    if (distribute.value.warnings.length > 0) throw new Error('unexpected reconciliation warnings');
    const appMs = save.ms + distribute.ms;
    console.log(
      `${engine}: ${persons.length} persons, ${(file.byteLength / 1e6).toFixed(1)} MB — parse ${parse.ms.toFixed(0)} ms, validate ${validate.ms.toFixed(0)} ms, ` +
        `import (parse + validate + save) ${save.ms.toFixed(0)} ms, distribute ${distribute.ms.toFixed(0)} ms → app ${appMs.toFixed(0)} ms`,
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

/** Runs the import benchmark on PGlite and, with TEST_DATABASE_URL, on PostgreSQL. */
export async function run(): Promise<void> {
  const persons = makePersons(PERSONS);
  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
  const pglite = await runOn('pglite', undefined, persons);
  if (!adminUrl) {
    console.log('TEST_DATABASE_URL not set: PostgreSQL and COPY skipped.');
    return;
  }
  const pg = await runOn('postgres', adminUrl, persons);
  if (pg.copyMs) {
    console.log(
      `ratio to COPY (target ≤ 3×): PostgreSQL ${(pg.appMs / pg.copyMs).toFixed(1)}×, PGlite ${(pglite.appMs / pg.copyMs).toFixed(1)}×`,
    );
  }
}
