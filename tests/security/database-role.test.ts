import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/migrate';
import { reports, submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { ensureDemoCertificates } from '../integration/helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../integration/helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../integration/helpers/test-database';

// Issue 12 §10: the app logs in as hesabat_app, which owns nothing and is no superuser, so no
// bug and no injected statement can switch the append-only protection off or rewrite history.
// PostgreSQL only: PGlite is single-user (everything runs as its superuser), so there is no
// second role to prove anything about. CI's PostgreSQL step sets TEST_DATABASE_URL.
const AS_OF = new Date('2025-10-15T10:00:00+04:00');
const onPostgres = Boolean(process.env.TEST_DATABASE_URL?.trim());

type Failure = Error & { cause?: Error };
async function refused(run: () => Promise<unknown>, pattern: RegExp, what: string) {
  const error = await run().then(
    () => null,
    (e: unknown) => e as Failure,
  );
  expect(error, `${what} should have been refused`).not.toBeNull();
  expect(String(error?.cause?.message ?? error?.message), what).toMatch(pattern);
}

const APPEND_ONLY = [
  'ledger_entries',
  'audit_log',
  'signed_documents',
  'person_account_entries',
  'report_status_history',
  'penalty_charges',
  'messages',
  'message_attachments',
];

describe.skipIf(!onPostgres)(
  'the app’s database role (PostgreSQL only; skipped without TEST_DATABASE_URL — PGlite has one user)',
  () => {
    let database: TestDatabase;
    let db: TestDatabase['db'];
    let reportId: string;
    let submissionId: string;
    const query = async <T>(statement: ReturnType<typeof sql>) =>
      rowsOf<T>(await db.execute(statement));

    beforeAll(async () => {
      database = await createTestDatabase();
      db = database.db;
      await seed(db);
      await ensureDemoCertificates(db);
      const scope = await directorScope(db, 'xezer', AS_OF);
      reportId = await sendableReport(db, scope, {
        employerKey: 'xezer',
        activityCode: '62.01',
        year: 2025,
        quarter: 3,
        asOf: AS_OF,
      });
      // The app's normal flow — draft, signature, receipt, checks, posting — works as the role.
      expect(await sendReport(db, scope, reportId, AS_OF)).toMatchObject({ ok: true });
      const [submission] = await db
        .select()
        .from(submissions)
        .where(eq(submissions.reportId, reportId));
      expect(submission?.status).toBe('ACCEPTED');
      submissionId = submission!.id;
    }, 120_000);
    afterAll(async () => database?.close());

    it('is logged in as hesabat_app: no superuser, owns no table, cannot switch roles', async () => {
      const [me] = await query<{ user: string; session: string; superuser: boolean }>(
        sql`select current_user as "user", session_user as session, rolsuper as superuser
            from pg_roles where rolname = current_user`,
      );
      expect(me).toEqual({ user: 'hesabat_app', session: 'hesabat_app', superuser: false });
      const [owned] = await query<{ n: number }>(
        sql`select count(*)::int as n from pg_tables where tableowner = current_user`,
      );
      expect(Number(owned?.n)).toBe(0);
      await refused(
        () => db.execute(sql`set role postgres`),
        /permission denied/,
        'SET ROLE postgres',
      );
    });

    it('cannot switch triggers off: session_replication_role, DISABLE TRIGGER, DROP TRIGGER', async () => {
      await refused(
        () => db.execute(sql`set session_replication_role = replica`),
        /permission denied/,
        'SET session_replication_role',
      );
      for (const table of [...APPEND_ONLY, 'submissions', 'reports']) {
        const name = sql.raw(table);
        await refused(
          () => db.execute(sql`alter table ${name} disable trigger all`),
          /must be owner/,
          `ALTER TABLE ${table} DISABLE TRIGGER`,
        );
      }
      await refused(
        () => db.execute(sql`drop trigger ledger_entries_append_only on ledger_entries`),
        /must be owner/,
        'DROP TRIGGER',
      );
      await refused(
        () =>
          db.execute(
            sql`create or replace function hesabat_refuse_change() returns trigger language plpgsql as $$ begin return new; end $$`,
          ),
        /must be owner|permission denied/,
        'replacing the trigger function',
      );
    });

    it('has no UPDATE, DELETE or TRUNCATE on the append-only tables', async () => {
      for (const table of APPEND_ONLY) {
        const name = sql.raw(table);
        const [count] = await query<{ n: number }>(sql`select count(*)::int as n from ${name}`);
        expect(Number(count?.n), `${table} has rows to protect`).toBeGreaterThan(0);
        await refused(
          () => db.execute(sql`update ${name} set id = id where true`),
          /permission denied/,
          `UPDATE ${table}`,
        );
        await refused(
          () => db.execute(sql`delete from ${name} where true`),
          /permission denied/,
          `DELETE ${table}`,
        );
        await refused(
          () => db.execute(sql`truncate ${name} cascade`),
          /permission denied/,
          `TRUNCATE ${table}`,
        );
      }
      await refused(
        () => db.delete(submissions).where(eq(submissions.id, submissionId)),
        /permission denied/,
        'DELETE submissions',
      );
      await refused(
        () => db.execute(sql`truncate submissions cascade`),
        /permission denied/,
        'TRUNCATE submissions',
      );
    });

    it('cannot change a submission’s protected columns or a sent report’s fields', async () => {
      for (const [column, value] of [
        ['signer_fin', sql`'0000000'`],
        ['certificate_serial', sql`'CARD-OTHER'`],
        ['late', sql`not late`],
        ['due_date', sql`'2099-01-01'`],
        [
          'employer_id',
          sql`(select id from employers where id <> submissions.employer_id limit 1)`,
        ],
      ] as const) {
        await refused(
          () =>
            db.execute(
              sql`update submissions set ${sql.raw(column)} = ${value} where id = ${submissionId}`,
            ),
          /SUBMISSION_IMMUTABLE/,
          `UPDATE submissions.${column}`,
        );
      }
      await refused(
        () => db.update(reports).set({ mdssQepik: 1 }).where(eq(reports.id, reportId)),
        /SENT_REPORT_IMMUTABLE/,
        'UPDATE of a sent report',
      );
      await refused(
        () => db.update(reports).set({ status: 'DRAFT' }).where(eq(reports.id, reportId)),
        /SENT_REPORT_IMMUTABLE/,
        'a sent report back to DRAFT',
      );
      await refused(
        () => db.delete(reports).where(eq(reports.id, reportId)),
        /SENT_REPORT_IMMUTABLE/,
        'DELETE of a sent report',
      );
    });

    it('a table a later migration creates is the app’s to use, by the default privileges', async () => {
      await database.owner.execute(
        sql`create table later_migration_table (id bigserial primary key, note text)`,
      );
      await db.execute(sql`insert into later_migration_table (note) values ('x')`);
      await db.execute(sql`update later_migration_table set note = 'y' where true`);
      const [row] = await query<{ note: string }>(sql`select note from later_migration_table`);
      expect(row?.note).toBe('y');
      await db.execute(sql`delete from later_migration_table where true`);
    });

    it('cannot create objects of its own (schema public is the owner’s)', async () => {
      await refused(
        () => db.execute(sql`create table shadow_ledger (id int)`),
        /permission denied/,
        'CREATE TABLE',
      );
    });
  },
);
