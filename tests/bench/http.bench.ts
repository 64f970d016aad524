// HTTP benchmark (issue 15 §7): `next start` on a fresh PostgreSQL database with the demo data,
// signed in as Kür İnşaat's director (the 3 000-person employer), then autocannon on
// /api/health, the reports registry, a wizard step (F7) and F20 of Kür's draft: req/s,
// p50/p95/p99 and each page's throughput as a share of health's. Then, at one connection, the
// next-server process's CPU time per request (/proc/<pid>/stat) and the database transactions
// per request (pg_stat_database.xact_commit: postgres.js runs each statement outside a
// transaction as its own, so it counts statements plus explicit transactions). Prints figures;
// never asserts. Every process it started is killed at the end, whatever happened.
//
// Needs a production build: it runs `next build` itself when `.next/BUILD_ID` is missing.
// BENCH_HTTP_ADMIN_URL (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
// BENCH_HTTP_DB (bench_http) · BENCH_HTTP_REUSE=1 keeps and reuses that database (no reseed)
// BENCH_HTTP_PORT (3460) · BENCH_HTTP_CONNECTIONS (50) · BENCH_HTTP_SECONDS (15)
// BENCH_HTTP_CPU_REQUESTS (40 sequential requests per page for the CPU and query counts)
// BENCH_HTTP_TIMEOUT (30 s per response before autocannon counts a timeout)
import { register } from 'node:module';
import os from 'node:os';
import autocannon from 'autocannon';
import postgres from 'postgres';

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
  )}`,
);

const env = process.env;
const ADMIN_URL =
  env.BENCH_HTTP_ADMIN_URL ??
  env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = env.BENCH_HTTP_DB ?? 'bench_http';
const PORT = Number(env.BENCH_HTTP_PORT ?? 3460);
const CONNECTIONS = Number(env.BENCH_HTTP_CONNECTIONS ?? 50);
const SECONDS = Number(env.BENCH_HTTP_SECONDS ?? 15);
const CPU_REQUESTS = Number(env.BENCH_HTTP_CPU_REQUESTS ?? 40);
/** Seconds before autocannon gives up on a response (its default of 10 s is short here). */
const TIMEOUT = Number(env.BENCH_HTTP_TIMEOUT ?? 30);
const AUTH_SECRET = 'http-bench-secret-not-for-production-0123456789';

type Page = { label: string; path: string; signedIn: boolean };
type Row = {
  label: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  timeouts: number;
  cpuMs?: number;
  xacts?: number;
  tuples?: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(baseUrl: string, page: Page, cookie: string): Promise<Row> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${page.path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        timeout: TIMEOUT,
        headers: page.signedIn ? { cookie } : {},
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    label: page.label,
    rps: result.requests.total / SECONDS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    timeouts: result.timeouts + result.errors,
  };
}

/** One page N times in a row: CPU ms and database transactions / tuples read per request. */
async function sequential(baseUrl: string, page: Page, cookie: string, pid: number, stats: Stats) {
  const { cpuMs } = await import('./http/next-server');
  const get = async () => {
    const res = await fetch(`${baseUrl}${page.path}`, {
      headers: page.signedIn ? { cookie } : {},
      redirect: 'manual',
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
  };
  for (let i = 0; i < 5; i++) await get();
  const before = await stats.read();
  const cpuBefore = cpuMs(pid);
  for (let i = 0; i < CPU_REQUESTS; i++) await get();
  const cpuAfter = cpuMs(pid);
  const after = await stats.read();
  return {
    cpuMs: (cpuAfter - cpuBefore) / CPU_REQUESTS,
    xacts: (after.xacts - before.xacts) / CPU_REQUESTS,
    tuples: (after.tuples - before.tuples) / CPU_REQUESTS,
  };
}

type Stats = { read: () => Promise<{ xacts: number; tuples: number }>; end: () => Promise<void> };

/** pg_stat_database of the bench database, read after the backends have flushed (≥ 1 s idle). */
function databaseStats(url: string): Stats {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  return {
    read: async () => {
      await new Promise((r) => setTimeout(r, 1_200));
      const [row] = await client.begin(async (tx) => {
        await tx`select pg_stat_clear_snapshot()`;
        return tx<{ xacts: string; tuples: string }[]>`
          select xact_commit + xact_rollback as xacts, tup_returned + tup_fetched as tuples
          from pg_stat_database where datname = current_database()`;
      });
      // This read is itself one transaction of a few statements; subtract it.
      return { xacts: Number(row!.xacts) - 1, tuples: Number(row!.tuples) };
    },
    end: () => client.end({ timeout: 5 }),
  };
}

function printTable(rows: Row[]) {
  const health = rows.find((r) => r.label === 'health')?.rps ?? Number.NaN;
  const f = (n: number | undefined, d = 0) => (n === undefined ? '–' : n.toFixed(d));
  const header = [
    'page',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    '÷ health',
    'non-2xx',
    'timeouts',
    'CPU ms/req',
    'DB xact/req',
    'tuples/req',
  ];
  const lines = rows.map((r) => [
    r.label,
    f(r.rps, 1),
    f(r.p50),
    f(r.p95),
    f(r.p99),
    `${((r.rps / health) * 100).toFixed(1)} %`,
    String(r.non2xx),
    String(r.timeouts),
    f(r.cpuMs, 1),
    f(r.xacts, 1),
    f(r.tuples, 0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
}

export async function run(): Promise<void> {
  const { buildIfMissing, startNext, killStarted } = await import('./http/next-server');
  const { createBenchDatabase, findDraft, loginCookie } = await import('./http/bench-world');
  try {
    buildIfMissing();
    const target = new URL(ADMIN_URL);
    target.pathname = `/${DB_NAME}`;
    const world =
      env.BENCH_HTTP_REUSE === '1'
        ? { url: target.toString(), reportId: await findDraft(target.toString()) }
        : await createBenchDatabase(ADMIN_URL, DB_NAME);
    const server = await startNext(PORT, {
      DATABASE_URL: world.url,
      AUTH_SECRET,
      AUTH_TRUST_HOST: 'true',
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      SIMULATORS: 'off',
    });
    const cookie = await loginCookie(world.url, AUTH_SECRET);
    const pages: Page[] = [
      { label: 'health', path: '/api/health', signedIn: false },
      { label: 'registry', path: '/reports/registry', signedIn: true },
      { label: 'wizard F7', path: `/reports/${world.reportId}/labour-payments`, signedIn: true },
      { label: 'wizard F20', path: `/reports/${world.reportId}/insured-persons`, signedIn: true },
    ];
    const stats = databaseStats(world.url);
    try {
      const rows: Row[] = [];
      for (const page of pages) {
        // Signed in for real: a redirect to /login would make every figure meaningless.
        const cpu = await sequential(server.baseUrl, page, cookie, server.serverPid, stats);
        rows.push({ ...(await load(server.baseUrl, page, cookie)), ...cpu });
      }
      const [l1, l5, l15] = os.loadavg().map((n) => n.toFixed(2));
      console.log(
        `http bench: ${CONNECTIONS} connections × ${SECONDS} s per page, CPU and DB at 1 connection × ${CPU_REQUESTS}; next-server pid ${server.serverPid}; load average ${l1} ${l5} ${l15}`,
      );
      printTable(rows);
    } finally {
      await stats.end();
      await server.stop();
    }
    if (env.BENCH_HTTP_REUSE !== '1')
      console.log(`http bench: database ${DB_NAME} kept for BENCH_HTTP_REUSE=1`);
  } finally {
    killStarted();
  }
}
