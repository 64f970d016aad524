// Sending benchmark (issue 6, "Proof"): (1) sending and posting one 50 000-person report —
// final validation + document + hash + signing session, then receive + automatic checks +
// posting to the ledger and 150 000 person-month rows — on PGlite and, with TEST_DATABASE_URL,
// PostgreSQL; (2) 200 concurrent small submissions against PostgreSQL: throughput
// (submissions/s) and latency percentiles of the completion call; (3) a steady 50 submissions/s
// for 30 s (BENCH_RATE, BENCH_SECONDS): p50/p95/p99; (4) the sent report's view at 50 000 and
// 200 000 persons (BENCH_VIEW_PERSONS), PGlite and PostgreSQL; (5, not by default) `statements`:
// the statements one small completion sends. BENCH_ENGINES picks cases.
// Prints figures; never asserts.
import { randomUUID } from 'node:crypto';
import { register } from 'node:module';
import postgres from 'postgres';
import { openBenchDatabase } from './bench-database';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 50_000);
const SMALL = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const FIN_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

// lib/server starts with `import 'server-only'`; benchmarks run under plain tsx.
register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
  )}`,
);

// After the hook above: the browser secret comes from lib/server, which imports 'server-only'.
const { testBrowser } = await import('../integration/helpers/test-browser');

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
): Promise<{ sendMs: number; copyMs?: number }> {
  const { database, close, url } = await openBenchDatabase(engine, adminUrl, 4);
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
    const sendMs = start.ms + sign.ms + complete.ms;
    if (!url) return { sendMs };
    // The baseline: PostgreSQL's own COPY of the same person-month rows into the same table
    // (its totals trigger included), as the posting wrote them.
    const copyMs = await copyPersonMonths(url, complete.value.submission.submissionId);
    console.log(
      `${engine}: COPY of the same person-month rows into person_account_entries ${copyMs.toFixed(0)} ms`,
    );
    return { sendMs, copyMs };
  } finally {
    await close();
  }
}

async function copyPersonMonths(url: string, submissionId: string): Promise<number> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const columns =
      'employer_id, activity_code, fin, month, report_id, submission_id, income_qepik, employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik, created_at';
    const rows = await sql.unsafe<Record<string, unknown>[]>(
      `select ${columns} from person_account_entries where submission_id = $1`,
      [submissionId],
    );
    const lines = rows.map(
      (r) =>
        `${columns
          .split(', ')
          .map((c) => {
            const v = r[c];
            return v instanceof Date ? v.toISOString() : String(v);
          })
          .join('\t')}\n`,
    );
    const copy = await timed(async () => {
      const stream = await sql
        .unsafe(`copy person_account_entries (${columns}) from stdin`)
        .writable();
      for (let i = 0; i < lines.length; i += 5000) stream.write(lines.slice(i, i + 5000).join(''));
      stream.end();
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
    });
    return copy.ms;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

type PreparedSubmission = {
  reportId: string;
  scope: import('@/lib/server/access').EmployerScope;
  sessionId: string;
  jws: string;
  /** When the signing session stops accepting an answer (2 minutes after it started). */
  expiresAt: Date;
};

/** Runs `work` over `items` with at most `limit` in flight; results in the items' order. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, i);
    }),
  );
  return results;
}

/** Multi-row inserts of `rows` in chunks (one round trip per chunk, not per row). */
async function insertChunked<R>(rows: readonly R[], insert: (chunk: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/**
 * `count` employers, all under the Kür director, each with one 3-person report ready to send,
 * inserted with multi-row statements; then "GÖNDƏR" (startReportSending: final validation,
 * document, signing session) for each, `parallel` at a time; then the card's answer for each —
 * the ES256 signature the card program makes in the browser, with the demo card's key (what
 * completion receives and verifies; the simulator's PIN2 check holds the card's row lock and
 * would sign one at a time, which is not what is measured here).
 */
async function prepareSmall(
  db: import('@/db/types').Db,
  count: number,
  numbering: number,
  parallel: number,
): Promise<PreparedSubmission[]> {
  const schema = await import('@/db/schema');
  const { seedEmployer } = await import('@/db/seed/employers');
  const { demoIdentity } = await import('@/db/seed/demo-identities');
  const { quarterMonths } = await import('@/lib/domain');
  const { demoActor } = await import('../integration/helpers/identity-fixtures');
  const { resolveEmployerAccess } = await import('@/lib/server/access');
  const { simulatedDevices } = await import('@/lib/integrations/certificate-authority/simulated');
  const { signPayload } = await import('@/auth/signing');
  const { startReportSending } = await import('@/lib/server/submissions/send-report');
  const kur = seedEmployer('kur');
  const accountantFin = demoIdentity('kur-accountant').fin;
  const registry = await db
    .select({ fin: schema.registryPersons.fin })
    .from(schema.registryPersons)
    .limit(3);
  const months = quarterMonths({ year: 2025, quarter: 3 });
  const wages = registry.map((_, k) => 100_000 + k);
  const total = wages.reduce((t, w) => t + w, 0);
  const ids = Array.from({ length: count }, (_, k) => ({
    n: numbering + k,
    employerId: randomUUID(),
    reportId: randomUUID(),
  }));
  await insertChunked(ids, (chunk) =>
    db.insert(schema.employers).values(
      chunk.map(({ n, employerId }) => ({
        id: employerId,
        name: `Bench ${n}`,
        employerType: 'LEGAL_ENTITY' as const,
        dsmfRegNumber: String(900_000_000 + n),
        voen: `${String(800_000_000 + n)}1`,
        localBodyCode: 'BK01',
        localBodyName: 'Bench',
        responsibleFin: kur.responsibleFin,
      })),
    ),
  );
  await insertChunked(ids, (chunk) =>
    db
      .insert(schema.employerActivityCodes)
      .values(chunk.map(({ employerId }) => ({ employerId, activityCode: '41.20' }))),
  );
  await insertChunked(ids, (chunk) =>
    db.insert(schema.reports).values(
      chunk.map(({ employerId, reportId }) => ({
        id: reportId,
        employerId,
        activityCode: '41.20',
        year: 2025,
        quarter: 3,
        reportType: 'INITIAL' as const,
        createdByFin: kur.responsibleFin,
        distributedAt: new Date(),
        draftPersons: registry.length,
        draftPersonsM1: registry.length,
        draftPersonsM2: registry.length,
        draftPersonsM3: registry.length,
      })),
    ),
  );
  await insertChunked(ids, (chunk) =>
    db.insert(schema.reportMonths).values(
      chunk.flatMap(({ employerId, reportId }) =>
        months.map((month) => ({
          reportId,
          employerId,
          month,
          labourPaymentsQepik: total,
          headcount: registry.length,
        })),
      ),
    ),
  );
  await insertChunked(ids, (chunk) =>
    db.insert(schema.reportPersons).values(
      chunk.flatMap(({ employerId, reportId }) =>
        registry.map((r, k) => ({
          reportId,
          employerId,
          fin: r.fin,
          surname: 'Soyadov',
          name: 'Ad',
          patronymic: 'Benç oğlu',
          incomeM1Qepik: wages[k]!,
          incomeM2Qepik: wages[k]!,
          incomeM3Qepik: wages[k]!,
        })),
      ),
    ),
  );
  await insertChunked(ids, (chunk) =>
    db.insert(schema.reportSignatories).values(
      chunk.flatMap(({ employerId, reportId }) =>
        (['RESPONSIBLE', 'CHIEF_ACCOUNTANT'] as const).map((role) => ({
          reportId,
          employerId,
          role,
          fin: role === 'RESPONSIBLE' ? kur.responsibleFin : accountantFin,
          documentType: 'DIN' as const,
          surname: 'S',
          name: 'N',
          patronymic: 'P',
        })),
      ),
    ),
  );
  const started = await inParallel(ids, parallel, async ({ employerId, reportId }) => {
    const access = await resolveEmployerAccess(
      db,
      demoActor('kur-director'),
      employerId,
      'REPORTS',
      new Date(),
    );
    if (!access.ok) throw new Error(access.reason);
    const sending = await startReportSending(db, access.scope, {
      browser: testBrowser,
      reportId,
      method: 'ESIGN',
    });
    if (!sending.ok) throw new Error(`not sendable: ${sending.code}`);
    return { reportId, scope: access.scope, sending };
  });
  const serial = started[0]?.scope.certificateSerial;
  if (!serial) return [];
  const device = await db.transaction((tx) => simulatedDevices(tx).lockDevice(serial));
  if (!device) throw new Error(`no card ${serial}`);
  return Promise.all(
    started.map(async ({ reportId, scope, sending }) => ({
      reportId,
      scope,
      sessionId: sending.sessionId,
      expiresAt: sending.expiresAt,
      jws: await signPayload(device.privateJwk, {
        sid: sending.sessionId,
        hash: sending.documentHash,
        purpose: 'SIGN',
        iat: Math.floor(Date.now() / 1000),
        certSerial: serial,
      }),
    })),
  );
}

/** One completion; the failure's code (or message) when it did not end ACCEPTED. */
async function completeTimed(
  db: import('@/db/types').Db,
  p: PreparedSubmission,
): Promise<{ ms: number; failure: string | null }> {
  const { completeReportSending } = await import('@/lib/server/submissions/send-report');
  const t = await timed(() =>
    completeReportSending(db, p.scope, {
      browser: testBrowser,
      reportId: p.reportId,
      sessionId: p.sessionId,
      jws: p.jws,
    }).catch((e: unknown) => ({ ok: false as const, code: String((e as Error).message ?? e) })),
  );
  const failure = !t.value.ok
    ? t.value.code
    : t.value.submission.status !== 'ACCEPTED'
      ? t.value.submission.status
      : null;
  return { ms: t.ms, failure };
}

const percentiles = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `p50 ${pct(sorted, 50).toFixed(0)} ms, p95 ${pct(sorted, 95).toFixed(0)} ms, p99 ${pct(sorted, 99).toFixed(0)} ms, max ${pct(sorted, 100).toFixed(0)} ms`;
};

const failureSummary = (failures: string[]) => {
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f, (counts.get(f) ?? 0) + 1);
  return failures.length === 0
    ? '0 failed'
    : `${failures.length} failed (${[...counts].map(([code, n]) => `${code} ×${n}`).join(', ')})`;
};

async function concurrentSmall(adminUrl: string): Promise<void> {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const { database, close } = await openBenchDatabase('postgres', adminUrl, connections);
  try {
    const db = database.db;
    const setup = await timed(() => prepareSmall(db, SMALL, 0, connections));
    const latencies: number[] = [];
    const failures: string[] = [];
    const all = await timed(() =>
      Promise.all(
        setup.value.map(async (p) => {
          const done = await completeTimed(db, p);
          latencies.push(done.ms);
          if (done.failure) failures.push(done.failure);
        }),
      ),
    );
    console.log(
      `postgres: ${SMALL} concurrent small submissions over ${connections} connections (set-up incl. sending and signing ${setup.ms.toFixed(0)} ms, not timed) — ` +
        `${all.ms.toFixed(0)} ms → ${(SMALL / (all.ms / 1000)).toFixed(1)} submissions/s, ${failureSummary(failures)}; latency ${percentiles(latencies)}`,
    );
  } finally {
    await close();
  }
}

/**
 * The deadline surge as it arrives (issue 15 §7): completions at a steady rate — a new one every
 * 1/rate s whether or not the earlier ones finished — for a while, over the same pool as the
 * concurrent case. Every submission is prepared, sent and signed before the clock starts, so
 * the run is completions only; a signing session lives 2 minutes (DOMAIN.md §10), so the set-up
 * must finish well within that (it prints the oldest session's age at its completion). Latency
 * is printed from each completion's call and from its due time (the call may start late when
 * the process is busy; the second counts that wait).
 */
async function steadyRate(adminUrl: string): Promise<void> {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const rate = Number(process.env.BENCH_RATE ?? 50);
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const { database, close } = await openBenchDatabase('postgres', adminUrl, connections);
  try {
    const db = database.db;
    const count = rate * seconds;
    const setup = await timed(() => prepareSmall(db, count, 0, connections));
    const prepared = setup.value;
    const latencies: number[] = [];
    const sinceDue: number[] = [];
    const failures: string[] = [];
    let lateStarts = 0;
    let oldestAgeMs = 0;
    let lastDone = 0;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i += 1) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else if (wait < -5) lateStarts += 1;
      const p = prepared[i]!;
      inFlight.push(
        completeTimed(db, p).then((done) => {
          const end = performance.now();
          lastDone = Math.max(lastDone, end);
          latencies.push(done.ms);
          sinceDue.push(end - due);
          if (done.failure) failures.push(done.failure);
          // expiresAt is 2 minutes after the session started.
          oldestAgeMs = Math.max(oldestAgeMs, Date.now() - (p.expiresAt.getTime() - 120_000));
        }),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (lastDone - started) / 1000;
    console.log(
      `postgres: steady ${rate} submissions/s for ${seconds} s over ${connections} connections (set-up incl. sending and signing ${(setup.ms / 1000).toFixed(1)} s, not timed; oldest session ${(oldestAgeMs / 1000).toFixed(0)} s old at completion) — ` +
        `${count} completed in ${elapsed.toFixed(1)} s (achieved ${(count / elapsed).toFixed(1)}/s), ${failureSummary(failures)}, ${lateStarts} started > 5 ms late; ` +
        `latency of the call ${percentiles(latencies)}; from the due time ${percentiles(sinceDue)}`,
    );
  } finally {
    await close();
  }
}

/**
 * Statements per completion (issue 15 §5: "the ~45 queries per completion cut down"): small
 * submissions completed one at a time on a handle that counts what postgres.js sends
 * (transaction control and savepoints included). The first warms the per-process caches;
 * the figure is the next ones'. BENCH_STATEMENTS_LIST=1 lists them.
 */
async function statementsPerCompletion(adminUrl: string): Promise<void> {
  const { database, url, close } = await openBenchDatabase('postgres', adminUrl, 4);
  const sent: string[] = [];
  const client = postgres(url!, {
    max: 4,
    onnotice: () => {},
    debug: (_connection, query) => void sent.push(query.replace(/\s+/g, ' ').trim()),
  });
  try {
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const schema = await import('@/db/schema');
    const counted = drizzle(client, {
      schema,
      casing: 'snake_case',
    }) as unknown as import('@/db/types').Db;
    const prepared = await prepareSmall(database.db, 3, 0, 2);
    const counts: number[] = [];
    let last: string[] = [];
    for (const p of prepared) {
      sent.length = 0;
      const done = await completeTimed(counted, p);
      if (done.failure) throw new Error(`completion failed: ${done.failure}`);
      counts.push(sent.length);
      last = [...sent];
    }
    console.log(
      `postgres: statements per small completion (cold, warm, warm): ${counts.join(', ')}`,
    );
    if (process.env.BENCH_STATEMENTS_LIST)
      for (const [i, q] of last.entries())
        console.log(`  ${String(i + 1).padStart(3)} ${q.slice(0, 160)}`);
  } finally {
    await client.end({ timeout: 5 });
    await close();
  }
}

/**
 * The sent report's view (issue 15 §4) at 50 000 and 200 000 persons: the page's loader
 * (getSentReport) for the first page, the next one by its link (keyset), the last one typed by
 * number and a name filter — then the same first page for a legacy submission (no view
 * document: the signed document fetched and parsed), 3 runs each.
 */
async function sentView(engine: 'pglite' | 'postgres', adminUrl: string | undefined) {
  const sizes = (process.env.BENCH_VIEW_PERSONS ?? '50000,200000').split(',').map(Number);
  const { database, close } = await openBenchDatabase(engine, adminUrl, 4);
  try {
    const db = database.db;
    const schema = await import('@/db/schema');
    const { eq, sql } = await import('drizzle-orm');
    const { getSentReport } = await import('@/lib/server/reports/registry/get-sent-report');
    const { insertDraftReport, reportsScope } =
      await import('../integration/helpers/report-fixtures');
    const { insertSubmission, markSent, sampleDocument } =
      await import('../integration/registry/registry-fixtures');
    const { analyzeAfterBulkLoad } = await import('@/lib/server/analyze-after-bulk-load');
    const xezer = await reportsScope(db, 'xezer', 'xezer-director');
    let quarter = 0;
    for (const size of sizes) {
      quarter += 1;
      const reportId = await insertDraftReport(db, {
        quarter: quarter as 1 | 2 | 3 | 4,
        year: 2024,
      });
      await db.update(schema.reports).set({ version: 3 }).where(eq(schema.reports.id, reportId));
      await db.execute(sql`insert into report_persons
        (report_id, employer_id, fin, surname, name, patronymic, income_m1_qepik, income_m2_qepik, income_m3_qepik)
        select ${reportId}::uuid, ${xezer.employerId}::uuid, 'F' || lpad(g::text, 6, '0'),
          'Soyadov' || (g % 97), 'Ad' || (g % 89), 'Benç oğlu', 100000 + g, 100000 + g, null
        from generate_series(1, ${size}) g`);
      await analyzeAfterBulkLoad(db, 'report_persons', size);
      const persons = Array.from({ length: size }, (_, k) => {
        const g = k + 1;
        return {
          fin: `F${String(g).padStart(6, '0')}`,
          surname: `Soyadov${g % 97}`,
          name: `Ad${g % 89}`,
          patronymic: 'Benç oğlu',
          incomeQepik: [100_000 + g, 100_000 + g, null] as [number, number, null],
        };
      });
      await markSent(db, reportId, { status: 'SENT', receiptNumber: `V-${size}` });
      const document = sampleDocument(reportId, persons);
      // First a legacy submission (no view document), then a newer one as sent today.
      await insertSubmission(db, reportId, {
        receiptNumber: `V-${size}`,
        receivedAt: new Date('2025-01-15T08:00:00Z'),
        document,
      });
      const runs = async (label: string, input: Parameters<typeof getSentReport>[2]) => {
        const ms: number[] = [];
        for (let r = 0; r < 3; r += 1) {
          const t = await timed(() => getSentReport(db, xezer, input));
          if (t.value.isDraft || t.value.persons.rows.length === 0) throw new Error('no persons');
          ms.push(t.ms);
        }
        ms.sort((a, b) => a - b);
        return `${label} ${ms.map((m) => m.toFixed(1)).join(' / ')}`;
      };
      const legacy = await runs('legacy (document parsed) first page', { reportId });
      await insertSubmission(db, reportId, {
        receiptNumber: `W-${size}`,
        receivedAt: new Date('2025-01-16T08:00:00Z'),
        document,
        withView: true,
      });
      const first = await getSentReport(db, xezer, { reportId });
      if (first.isDraft) throw new Error('draft');
      const lastPage = Math.ceil(size / 50);
      const figures = [
        await runs('first page', { reportId }),
        await runs('next page (keyset)', {
          reportId,
          personsPage: 2,
          personsAfter: first.persons.rows.at(-1)!.fin,
        }),
        await runs('last page by number', { reportId, personsPage: lastPage }),
        await runs('middle page by number', { reportId, personsPage: Math.ceil(lastPage / 2) }),
        await runs('filter "ad7"', { reportId, finFilter: 'ad7' }),
        legacy,
      ];
      console.log(
        `${engine}: sent view at ${size} persons, loader ms (min / median / max of 3): ${figures.join('; ')}`,
      );
    }
  } finally {
    await close();
  }
}

export async function run(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
  const engines = (
    process.env.BENCH_ENGINES ?? 'pglite,postgres,concurrent,steady,view-pglite,view-postgres'
  ).split(',');
  const { loadavg } = await import('node:os');
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const pglite = engines.includes('pglite') ? await bigReport('pglite', undefined) : null;
  if (engines.includes('view-pglite')) await sentView('pglite', undefined);
  if (!adminUrl) {
    console.log('TEST_DATABASE_URL not set: PostgreSQL runs skipped.');
    return;
  }
  if (engines.includes('postgres')) {
    const pg = await bigReport('postgres', adminUrl);
    if (pg.copyMs)
      console.log(
        `send + post ÷ PostgreSQL COPY of the same person-month rows (target ≤ 5×): PostgreSQL ${(pg.sendMs / pg.copyMs).toFixed(1)}×` +
          (pglite ? `, PGlite ${(pglite.sendMs / pg.copyMs).toFixed(1)}×` : ''),
      );
  }
  if (engines.includes('view-postgres')) await sentView('postgres', adminUrl);
  if (engines.includes('statements')) await statementsPerCompletion(adminUrl);
  if (engines.includes('concurrent')) await concurrentSmall(adminUrl);
  if (engines.includes('steady')) await steadyRate(adminUrl);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
