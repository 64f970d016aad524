import type { Sql } from 'postgres';

/** The role the app logs in as on PostgreSQL (created by migration 0010; owns nothing). */
export const APP_ROLE = 'hesabat_app';

function parse(url: string | undefined): URL | null {
  if (!url?.trim()) return null;
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/**
 * Where migrations run: MIGRATION_DATABASE_URL (the tables' owner), else DATABASE_URL — the
 * single-role setup of a development database, and PGlite, which has one connection anyway.
 */
export function migrationUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.MIGRATION_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

/**
 * The password hesabat_app gets: APP_DATABASE_PASSWORD, or the one in DATABASE_URL when that
 * URL logs in as hesabat_app (so one secret serves both). None → the role is left as it is.
 */
export function appRolePasswordFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.APP_DATABASE_PASSWORD;
  if (explicit) return explicit;
  const app = parse(env.DATABASE_URL);
  if (app && decodeURIComponent(app.username) === APP_ROLE && app.password)
    return decodeURIComponent(app.password);
  return undefined;
}

/**
 * Lets hesabat_app log in with the given password. Run by the owner after the migrations. The
 * password cannot be a bind parameter of ALTER ROLE, so PostgreSQL itself quotes it (format %L).
 * Roles are cluster-wide and migrations of different databases do not share an advisory lock,
 * so a concurrent change of the same role ("tuple concurrently updated") is retried.
 */
export async function configureAppRole(client: Sql, password: string): Promise<void> {
  const [statement] = await client<{ s: string }[]>`
    select format('ALTER ROLE %I LOGIN PASSWORD %L', ${APP_ROLE}::text, ${password}::text) as s`;
  if (!statement) throw new Error('configureAppRole: format returned nothing');
  for (let attempt = 1; ; attempt++) {
    try {
      await client.unsafe(statement.s);
      return;
    } catch (error) {
      const concurrent = /tuple concurrently updated/.test(String((error as Error).message));
      if (!concurrent || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
