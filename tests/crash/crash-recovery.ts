// Crash recovery (issue 12 §11): `next start` on a fresh PostgreSQL database, a 3 000-person
// report sent through the browser (card, PIN2), the server SIGKILLed while the report is being
// posted, restarted — and the report is accepted within two minutes with nothing posted twice
// (the ledger and person-month counts equal a clean run's). Uses the existing `next build`
// output; run by `npm run test:crash-recovery` (CI: after the e2e step). PostgreSQL because the
// script watches the database while the server runs, which one PGlite directory cannot share.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { APP_ROLE } from '@/db/app-role';
import { openDatabase } from '@/db/client';
import { seed } from '@/db/seed';
import type { Database } from '@/db/types';
import { ensureDemoCertificates } from '../integration/helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../integration/helpers/sending-fixtures';

const ADMIN_URL =
  process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.CRASH_PORT ?? 3314);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const APP_PASSWORD = process.env.APP_DATABASE_PASSWORD || 'hesabat-app-crash-test';
const RECOVERY_LIMIT_MS = 120_000;
const REPORT = { employerKey: 'kur', activityCode: '41.20', year: 2025, quarter: 1 } as const;

const log = (line: string) => console.log(`[crash-recovery] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Fresh = { database: Database; ownerUrl: string; appUrl: string; drop: () => Promise<void> };

/**
 * A new database on the server, migrated by the owner as a deploy does it (`npm run db:migrate`
 * with MIGRATION_DATABASE_URL: the server start only checks), opened as the app's role.
 */
async function freshDatabase(label: string): Promise<Fresh> {
  const name = `hesabat_crash_${label}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const owner = new URL(ADMIN_URL);
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = APP_ROLE;
  app.password = APP_PASSWORD;
  const migrated = spawnSync('npm', ['run', '--silent', 'db:migrate'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      MIGRATION_DATABASE_URL: owner.toString(),
      DATABASE_URL: app.toString(),
      APP_DATABASE_PASSWORD: APP_PASSWORD,
    },
  });
  if (migrated.status !== 0)
    throw new Error(`npm run db:migrate failed: ${migrated.stderr || migrated.stdout}`);
  log(migrated.stdout.trim());
  const database = await openDatabase({
    engine: 'postgres',
    url: app.toString(),
    maxConnections: 4,
  });
  return {
    database,
    ownerUrl: owner.toString(),
    appUrl: app.toString(),
    drop: async () => {
      await database.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Demo data and Kür's complete 3 000-person draft, through the wizard's use cases. */
async function prepare(database: Database, asOf: Date): Promise<string> {
  await seed(database.db);
  await ensureDemoCertificates(database.db);
  const scope = await directorScope(database.db, REPORT.employerKey, asOf);
  return sendableReport(database.db, scope, { ...REPORT, asOf });
}

type Counts = { ledger: number; personMonths: number; distinctPersonMonths: number };

async function countsOf(sql: postgres.Sql, reportId: string): Promise<Counts> {
  const [row] = await sql<{ ledger: number; pm: number; distinct_pm: number }[]>`
    select
      (select count(*)::int from ledger_entries l join submissions s on s.id::text = l.source_id::text
        where s.report_id = ${reportId}) as ledger,
      (select count(*)::int from person_account_entries where report_id = ${reportId}) as pm,
      (select count(distinct (fin, month))::int from person_account_entries
        where report_id = ${reportId}) as distinct_pm`;
  return {
    ledger: row?.ledger ?? -1,
    personMonths: row?.pm ?? -1,
    distinctPersonMonths: row?.distinct_pm ?? -1,
  };
}

function startServer(fresh: Fresh, logFile: string): ChildProcess {
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    detached: true, // its own process group: SIGKILL reaches next and every child at once
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // The app's role only: the schema was migrated by the deploy step (freshDatabase).
      DATABASE_URL: fresh.appUrl,
      MIGRATION_DATABASE_URL: '',
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(24).toString('base64'),
      AUTH_TRUST_HOST: 'true',
      SIMULATORS: 'on',
      SIMULATORS_ALLOW_PRODUCTION: 'yes',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

async function waitForHealth(child: ChildProcess, limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${BASE_URL}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error('the server did not answer /api/health in time');
}

function stop(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no `next build` output: run npm run build');
  const started = Date.now();
  const asOf = new Date();

  // The clean run: the same report sent in-process, decided without interruption.
  const clean = await freshDatabase('clean');
  let expected: Counts;
  try {
    const reportId = await prepare(clean.database, asOf);
    const scope = await directorScope(clean.database.db, REPORT.employerKey, asOf);
    const outcome = await sendReport(clean.database.db, scope, reportId, asOf);
    if (!outcome.ok) throw new Error(`the clean run was not sent: ${JSON.stringify(outcome)}`);
    const owner = postgres(clean.ownerUrl, { max: 1, onnotice: () => {} });
    const [status] = await owner<
      { status: string }[]
    >`select status from reports where id = ${reportId}`;
    expected = await countsOf(owner, reportId);
    await owner.end({ timeout: 5 });
    if (status?.status !== 'ACCEPTED') throw new Error(`the clean run ended ${status?.status}`);
    log(`clean run: ${JSON.stringify(expected)}`);
  } finally {
    await clean.drop();
  }

  const crash = await freshDatabase('run');
  const logFile = join(tmpdir(), `hesabat-crash-${process.pid}.log`);
  const watch = postgres(crash.ownerUrl, { max: 1, onnotice: () => {} });
  // Outside `watch`'s transaction: statistics views are read once per transaction.
  const probe = postgres(crash.ownerUrl, { max: 1, onnotice: () => {} });
  let server: ChildProcess | undefined;
  try {
    const reportId = await prepare(crash.database, asOf);
    await crash.database.close();
    server = startServer(crash, logFile);
    await waitForHealth(server);
    log(`server up (${logFile})`);

    process.env.E2E_BASE_URL = BASE_URL;
    const { launchBrowser, newPage } = await import('../e2e/helpers/browser');
    const { chooseEmployer, loginWithEsign } = await import('../e2e/helpers/login');
    const browser = await launchBrowser();
    let killedAt = 0;
    try {
      const { page } = await newPage(browser);
      await loginWithEsign(page, 'Abbasov Elvin');
      await chooseEmployer(page, '"Kür İnşaat" ASC');
      await page.goto(`/reports/${reportId}/check-answers`, { waitUntil: 'networkidle' });
      await page.getByTestId('send-report').click();
      const dialog = page.getByTestId('signing-dialog');
      await dialog.waitFor();
      await dialog.getByTestId('pin2').fill('12345');
      // To kill the server while it posts, not before or after: a transaction of ours holds
      // person_account_entries in SHARE mode, so the posting (its ledger rows written, in the
      // same transaction) waits at its persons' INSERT. The kill comes then; the lock goes after.
      await watch.begin(async (tx) => {
        await tx`lock table person_account_entries in share mode`;
        await dialog.getByTestId('pin2-submit').click();
        const until = Date.now() + 60_000;
        for (;;) {
          const [waiting] = await probe<{ n: number }[]>`
            select count(*)::int as n from pg_stat_activity
            where datname = current_database() and usename = ${APP_ROLE}
              and wait_event_type = 'Lock' and query ~* 'insert into "?person_account_entries'`;
          if ((waiting?.n ?? 0) > 0) break;
          if (Date.now() > until) {
            const seen = await probe`
              select state, wait_event_type, left(query, 120) as query from pg_stat_activity
              where datname = current_database() and usename = ${APP_ROLE}`;
            throw new Error(`the posting never started: ${JSON.stringify(seen)}`);
          }
          await sleep(20);
        }
        const [row] = await probe<{ status: string }[]>`
          select status from submissions where report_id = ${reportId}`;
        if (row?.status !== 'RECEIVED')
          throw new Error(`posting, but the report is ${row?.status}`);
        stop(server!, 'SIGKILL');
        killedAt = Date.now();
        log(
          'SIGKILL while the report was being posted (received; ledger rows written, persons next)',
        );
      });
    } finally {
      await browser.close().catch(() => {});
    }
    await new Promise<void>((resolve) => {
      if (server?.exitCode !== null || server.signalCode) resolve();
      else server.once('exit', () => resolve());
    });
    // The posting's transaction died with its connection: nothing of it stands.
    await sleep(2_000);
    const afterKill = await countsOf(watch, reportId);
    const [stuck] = await watch<{ status: string }[]>`
      select status from submissions where report_id = ${reportId}`;
    if (stuck?.status !== 'RECEIVED' || afterKill.ledger !== 0 || afterKill.personMonths !== 0)
      throw new Error(`after the kill: ${stuck?.status}, ${JSON.stringify(afterKill)}`);
    log('after the kill: Received, nothing posted');

    const restartedAt = Date.now();
    server = startServer(crash, logFile);
    await waitForHealth(server);
    const upAt = Date.now();
    log(`restarted in ${((upAt - restartedAt) / 1000).toFixed(1)} s`);
    let acceptedAt = 0;
    while (Date.now() - restartedAt < RECOVERY_LIMIT_MS + 15_000) {
      const [row] = await watch<
        { status: string }[]
      >`select status from reports where id = ${reportId}`;
      if (row?.status === 'ACCEPTED') {
        acceptedAt = Date.now();
        break;
      }
      if (row?.status === 'RETURNED') throw new Error('the report was returned after the restart');
      await sleep(500);
    }
    if (!acceptedAt) throw new Error('the report was not accepted after the restart');
    const recovered = await countsOf(watch, reportId);
    const recovery = acceptedAt - restartedAt;
    log(
      `accepted ${(recovery / 1000).toFixed(1)} s after the restart ` +
        `(${((acceptedAt - killedAt) / 1000).toFixed(1)} s after the kill): ${JSON.stringify(recovered)}`,
    );
    if (JSON.stringify(recovered) !== JSON.stringify(expected))
      throw new Error(`posted differently from the clean run: ${JSON.stringify(recovered)}`);
    if (recovered.personMonths !== recovered.distinctPersonMonths)
      throw new Error('a person-month was posted twice');
    if (recovery > RECOVERY_LIMIT_MS)
      throw new Error(`recovery took ${Math.round(recovery / 1000)} s (limit 120 s)`);
    log(`passed in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    if (server) stop(server, 'SIGTERM');
    await watch.end({ timeout: 5 }).catch(() => {});
    await probe.end({ timeout: 5 }).catch(() => {});
    await crash.drop().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `[crash-recovery] FAILED: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
