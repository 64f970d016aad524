// The HTTP bench's world: a fresh PostgreSQL database, migrated by the owner with the repo's
// migrate code and seeded like `npm run db:seed` (demo data and its history), plus a Q3 2026
// draft of Kür İnşaat — the 3 000-person employer — filled from its roster. Also the login: a
// session row opened by the same use cases as a real login (startUserSession, chooseEmployer)
// and the Auth.js session cookie that names it, encoded with the server's AUTH_SECRET.
import postgres from 'postgres';

export const BENCH_EMPLOYER = 'kur';
const DIRECTOR = 'kur-director';
const ACCOUNTANT = 'kur-accountant';
/** The cookie Auth.js reads over plain HTTP; its name is also the key derivation's salt. */
const COOKIE = 'authjs.session-token';

export type BenchWorld = { url: string; reportId: string; cookie: string };

function databaseUrl(adminUrl: string, name: string): string {
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Drops and recreates `name`, migrates and seeds it; returns its URL and the draft's id. */
export async function createBenchDatabase(adminUrl: string, name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = databaseUrl(adminUrl, name);
  const { openDatabase } = await import('@/db/client');
  const { migrate } = await import('@/db/migrate');
  const { seed } = await import('@/db/seed');
  const { seedDemoHistory } = await import('@/lib/server/demo/seed-history');
  const database = await openDatabase({ engine: 'postgres', url, maxConnections: 4 });
  try {
    const started = performance.now();
    await migrate(database);
    await seed(database.db);
    const filed = await seedDemoHistory(database.db);
    const reportId = await createDraft(database.db);
    await database.db.execute((await import('drizzle-orm')).sql`analyze`);
    console.log(
      `http bench: ${name} migrated, seeded, ${filed} past reports and the ${BENCH_EMPLOYER} draft in ${Math.round(performance.now() - started)} ms`,
    );
    return { url, reportId };
  } finally {
    await database.close();
  }
}

async function directorScope(db: import('@/db/types').Db) {
  const { resolveEmployerAccess } = await import('@/lib/server/access');
  const { seedEmployer } = await import('@/db/seed/employers');
  const { demoIdentity } = await import('@/db/seed/demo-identities');
  const director = demoIdentity(DIRECTOR);
  const actor = {
    fin: director.fin,
    certificateSerial: `CARD-${director.cardNumber}`,
    method: 'ESIGN' as const,
  };
  const employerId = seedEmployer(BENCH_EMPLOYER).id;
  const access = await resolveEmployerAccess(db, actor, employerId, 'REPORTS', new Date());
  if (!access.ok) throw new Error(`http bench: no access to ${BENCH_EMPLOYER}: ${access.reason}`);
  return { scope: access.scope, actor, director, employerId };
}

/** The 3 000-person draft the wizard pages show, filled through the wizard's use cases. */
async function createDraft(db: import('@/db/types').Db): Promise<string> {
  const { createReport } = await import('@/lib/server/reports/create-report');
  const { completeReportFromRoster } =
    await import('@/lib/server/demo/complete-report-from-roster');
  const { demoIdentity } = await import('@/db/seed/demo-identities');
  const { seedEmployer } = await import('@/db/seed/employers');
  const { scope } = await directorScope(db);
  const asOf = new Date();
  const { reportId } = await createReport(
    db,
    scope,
    {
      activityCode: seedEmployer(BENCH_EMPLOYER).activityCodes[0]!,
      year: 2026,
      quarter: 3,
      reportType: 'INITIAL',
    },
    asOf,
  );
  await completeReportFromRoster(db, scope, {
    reportId,
    chiefAccountantFin: demoIdentity(ACCOUNTANT).fin,
    asOf,
  });
  return reportId;
}

/** The id of the bench employer's newest draft in an existing bench database. */
export async function findDraft(url: string): Promise<string> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const { seedEmployer } = await import('@/db/seed/employers');
    const rows = await client<{ id: string }[]>`
      select id from reports where employer_id = ${seedEmployer(BENCH_EMPLOYER).id}
      and status = 'DRAFT' order by created_at desc limit 1`;
    if (!rows[0]) throw new Error('http bench: the kept database has no draft; run without reuse');
    return rows[0].id;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Opens a session for the director with the employer chosen; the cookie header that names it. */
export async function loginCookie(url: string, secret: string): Promise<string> {
  const { openDatabase } = await import('@/db/client');
  const { startUserSession } = await import('@/lib/server/sessions/start-user-session');
  const { chooseEmployer } = await import('@/lib/server/employers/choose-employer');
  const { encode } = await import('next-auth/jwt');
  const database = await openDatabase({ engine: 'postgres', url, maxConnections: 1 });
  try {
    const { actor, director, employerId } = await directorScope(database.db);
    const sessionId = await startUserSession(database.db, {
      ...actor,
      surname: director.surname,
      name: director.name,
      patronymic: director.patronymic,
    });
    await chooseEmployer(database.db, { ...actor, sessionId }, employerId);
    const token = await encode({ token: { sid: sessionId }, secret, salt: COOKIE });
    return `${COOKIE}=${token}`;
  } finally {
    await database.close();
  }
}
