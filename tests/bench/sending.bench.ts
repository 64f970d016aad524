// Sending benchmark (issue 6, "Proof"): (1) sending and posting one 50 000-person report —
// final validation + document + hash + signing session, then receive + automatic checks +
// posting to the ledger and 150 000 person-month rows — on PGlite and, with TEST_DATABASE_URL,
// PostgreSQL; (2) 200 concurrent small submissions against PostgreSQL: throughput
// (submissions/s) and latency percentiles of the completion call. Prints figures; never asserts.
import { randomUUID } from 'node:crypto';
import { register } from 'node:module';
import { openBenchDatabase } from './bench-database';
import { testBrowser } from '../integration/helpers/test-browser';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 50_000);
const SMALL = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const FIN_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

// lib/server starts with `import 'server-only'`; benchmarks run under plain tsx.
register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
  )}`,
);

const fin = (i: number) => {
  let code = '';
  for (let k = 0, v = i; k < 6; k += 1, v = Math.floor(v / 34)) code = FIN_ALPHABET[v % 34] + code;
  return `X${code}`;
};

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A ready-to-send draft inserted in bulk (the wizard's own steps are benchmarked elsewhere). */
async function insertReadyReport(
  db: import('@/db/types').Db,
  input: {
    employerId: string;
    responsibleFin: string;
    accountantFin: string;
    persons: { fin: string; wage: number }[];
    year: number;
    quarter: number;
  },
): Promise<string> {
  const schema = await import('@/db/schema');
  const { quarterMonths } = await import('@/lib/domain');
  const id = randomUUID();
  const months = quarterMonths({ year: input.year, quarter: input.quarter as 1 | 2 | 3 | 4 });
  const total = input.persons.reduce((t, p) => t + p.wage, 0);
  await db.insert(schema.reports).values({
    id,
    employerId: input.employerId,
    activityCode: '41.20',
    year: input.year,
    quarter: input.quarter,
    reportType: 'INITIAL',
    createdByFin: input.responsibleFin,
    distributedAt: new Date(),
  });
  await db.insert(schema.reportMonths).values(
    months.map((month) => ({
      reportId: id,
      employerId: input.employerId,
      month,
      labourPaymentsQepik: total,
      headcount: input.persons.length,
    })),
  );
  for (let i = 0; i < input.persons.length; i += 5_000) {
    await db.insert(schema.reportPersons).values(
      input.persons.slice(i, i + 5_000).map((p) => ({
        reportId: id,
        employerId: input.employerId,
        fin: p.fin,
        surname: 'Soyadov',
        name: 'Ad',
        patronymic: 'Benç oğlu',
        incomeM1Qepik: p.wage,
        incomeM2Qepik: p.wage,
        incomeM3Qepik: p.wage,
      })),
    );
  }
  await db.insert(schema.reportSignatories).values(
    (['RESPONSIBLE', 'CHIEF_ACCOUNTANT'] as const).map((role) => ({
      reportId: id,
      employerId: input.employerId,
      role,
      fin: role === 'RESPONSIBLE' ? input.responsibleFin : input.accountantFin,
      documentType: 'DIN' as const,
      surname: 'S',
      name: 'N',
      patronymic: 'P',
    })),
  );
  return id;
}

async function bigReport(
  engine: 'pglite' | 'postgres',
  adminUrl: string | undefined,
): Promise<void> {
  const { database, close } = await openBenchDatabase(engine, adminUrl, 4);
  try {
    const db = database.db;
    const { seedEmployer } = await import('@/db/seed/employers');
    const { demoIdentity, DEMO_PIN2 } = await import('@/db/seed/demo-identities');
    const { demoActor } = await import('../integration/helpers/identity-fixtures');
    const { resolveEmployerAccess } = await import('@/lib/server/access');
    const { signOnSimulatedCard } = await import('@/lib/server/demo/sign-on-simulated-card');
    const { startReportSending, completeReportSending } =
      await import('@/lib/server/submissions/send-report');
    const kur = seedEmployer('kur');
    const persons = Array.from({ length: PERSONS }, (_, i) => ({
      fin: fin(i),
      wage: 40_000 + ((i * 7919) % 310_000),
    }));
    const reportId = await insertReadyReport(db, {
      employerId: kur.id,
      responsibleFin: kur.responsibleFin,
      accountantFin: demoIdentity('kur-accountant').fin,
      persons,
      year: 2025,
      quarter: 3,
    });
    const access = await resolveEmployerAccess(
      db,
      demoActor('kur-director'),
      kur.id,
      'REPORTS',
      new Date(),
    );
    if (!access.ok) throw new Error(access.reason);
    const start = await timed(() =>
      startReportSending(db, access.scope, { browser: testBrowser, reportId, method: 'ESIGN' }),
    );
    if (!start.value.ok) throw new Error(`not sendable: ${start.value.code}`);
    const sessionId = start.value.sessionId;
    const sign = await timed(() => signOnSimulatedCard(db, { sessionId, pin: DEMO_PIN2 }));
    const complete = await timed(() =>
      completeReportSending(db, access.scope, {
        browser: testBrowser,
        reportId,
        sessionId,
        jws: sign.value,
      }),
    );
    if (!complete.value.ok) throw new Error(`not sent: ${complete.value.code}`);
    console.log(
      `${engine}: ${PERSONS} persons — validate + document + hash + session ${start.ms.toFixed(0)} ms, ` +
        `card signature ${sign.ms.toFixed(0)} ms, receive + checks + posting ${complete.ms.toFixed(0)} ms ` +
        `(${complete.value.submission.status}) → total ${(start.ms + sign.ms + complete.ms).toFixed(0)} ms`,
    );
  } finally {
    await close();
  }
}

async function concurrentSmall(adminUrl: string): Promise<void> {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const { database, close } = await openBenchDatabase('postgres', adminUrl, connections);
  try {
    const db = database.db;
    const schema = await import('@/db/schema');
    const { seedEmployer } = await import('@/db/seed/employers');
    const { demoIdentity, DEMO_PIN2 } = await import('@/db/seed/demo-identities');
    const { demoActor } = await import('../integration/helpers/identity-fixtures');
    const { resolveEmployerAccess } = await import('@/lib/server/access');
    const { signOnSimulatedCard } = await import('@/lib/server/demo/sign-on-simulated-card');
    const { startReportSending, completeReportSending } =
      await import('@/lib/server/submissions/send-report');
    const kur = seedEmployer('kur');
    const registry = await db
      .select({ fin: schema.registryPersons.fin })
      .from(schema.registryPersons)
      .limit(3);
    // SMALL employers, all under the Kür director, each with one 3-person report.
    const prepared: {
      reportId: string;
      scope: import('@/lib/server/access').EmployerScope;
      sessionId: string;
      jws: string;
    }[] = [];
    const setup = await timed(async () => {
      for (let i = 0; i < SMALL; i += 1) {
        const employerId = randomUUID();
        await db.insert(schema.employers).values({
          id: employerId,
          name: `Bench ${i}`,
          employerType: 'LEGAL_ENTITY',
          dsmfRegNumber: String(900_000_000 + i),
          voen: `${String(800_000_000 + i)}1`,
          localBodyCode: 'BK01',
          localBodyName: 'Bench',
          responsibleFin: kur.responsibleFin,
        });
        await db.insert(schema.employerActivityCodes).values({ employerId, activityCode: '41.20' });
        const reportId = await insertReadyReport(db, {
          employerId,
          responsibleFin: kur.responsibleFin,
          accountantFin: demoIdentity('kur-accountant').fin,
          persons: registry.map((r, k) => ({ fin: r.fin, wage: 100_000 + k })),
          year: 2025,
          quarter: 3,
        });
        const access = await resolveEmployerAccess(
          db,
          demoActor('kur-director'),
          employerId,
          'REPORTS',
          new Date(),
        );
        if (!access.ok) throw new Error(access.reason);
        const started = await startReportSending(db, access.scope, {
          browser: testBrowser,
          reportId,
          method: 'ESIGN',
        });
        if (!started.ok) throw new Error(`not sendable: ${started.code}`);
        const jws = await signOnSimulatedCard(db, { sessionId: started.sessionId, pin: DEMO_PIN2 });
        prepared.push({ reportId, scope: access.scope, sessionId: started.sessionId, jws });
      }
    });
    const latencies: number[] = [];
    const all = await timed(() =>
      Promise.all(
        prepared.map(async (p) => {
          const t = await timed(() =>
            completeReportSending(db, p.scope, {
              browser: testBrowser,
              reportId: p.reportId,
              sessionId: p.sessionId,
              jws: p.jws,
            }),
          );
          if (!t.value.ok || t.value.submission.status !== 'ACCEPTED')
            throw new Error('a submission failed');
          latencies.push(t.ms);
        }),
      ),
    );
    latencies.sort((a, b) => a - b);
    console.log(
      `postgres: ${SMALL} concurrent small submissions over ${connections} connections (set-up incl. signing ${setup.ms.toFixed(0)} ms) — ` +
        `${all.ms.toFixed(0)} ms → ${(SMALL / (all.ms / 1000)).toFixed(1)} submissions/s; latency p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${pct(latencies, 100).toFixed(0)} ms`,
    );
  } finally {
    await close();
  }
}

export async function run(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres,concurrent').split(',');
  if (engines.includes('pglite')) await bigReport('pglite', undefined);
  if (!adminUrl) {
    console.log('TEST_DATABASE_URL not set: PostgreSQL runs skipped.');
    return;
  }
  if (engines.includes('postgres')) await bigReport('postgres', adminUrl);
  if (engines.includes('concurrent')) await concurrentSmall(adminUrl);
}
