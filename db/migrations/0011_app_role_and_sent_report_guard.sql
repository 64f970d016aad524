-- The application's own role (issue 12 §10). Migrations run as the tables' owner; the app logs
-- in as hesabat_app, which owns nothing and is no superuser, so it can neither switch triggers
-- off (ALTER TABLE … DISABLE TRIGGER needs ownership, session_replication_role a superuser) nor
-- UPDATE, DELETE or TRUNCATE the append-only tables. Roles are cluster-wide: several databases
-- of one cluster (CI, tests) run this, possibly at once, so creation tolerates a role that
-- exists or is being created. No password here: `npm run db:migrate` sets LOGIN and the password
-- from APP_DATABASE_PASSWORD (db/app-role.ts).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hesabat_app') THEN
    CREATE ROLE hesabat_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO hesabat_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hesabat_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO hesabat_app;
--> statement-breakpoint
-- Evidence: rows are added, never changed or removed (the triggers of 0001, 0003, 0006, 0007
-- refuse it too; without the privilege the statement does not even reach them).
REVOKE UPDATE, DELETE, TRUNCATE ON
  ledger_entries, audit_log, signed_documents, person_account_entries, report_status_history,
  penalty_charges
  FROM hesabat_app;
--> statement-breakpoint
-- A submission is updated once, by its decision (hesabat_submission_guard); never removed.
REVOKE DELETE, TRUNCATE ON submissions FROM hesabat_app;
--> statement-breakpoint
-- GET /api/health compares the applied migrations with the committed ones.
GRANT USAGE ON SCHEMA drizzle TO hesabat_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO hesabat_app;
--> statement-breakpoint
-- Tables and sequences later migrations create get the ordinary grants by themselves. A future
-- append-only table must REVOKE UPDATE, DELETE, TRUNCATE from hesabat_app in its migration.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hesabat_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO hesabat_app;
--> statement-breakpoint
-- What was sent is fixed: a submission is written once more, by its first decision (status,
-- reasons, time). Every other column — the document, its hash and signature, the receipt, the
-- signer's FIN and certificate, the employer, the due date and the late flag, and any column a
-- later migration adds — stays as received.
CREATE OR REPLACE FUNCTION hesabat_submission_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  decision constant text[] := ARRAY['status', 'return_reasons', 'decided_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SUBMISSION_IMMUTABLE: submissions are append-only' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status <> 'RECEIVED'
     OR NEW.status NOT IN ('ACCEPTED', 'RETURNED')
     OR NEW.decided_at IS NULL
     OR (to_jsonb(NEW) - decision) IS DISTINCT FROM (to_jsonb(OLD) - decision) THEN
    RAISE EXCEPTION 'SUBMISSION_IMMUTABLE: a submission is immutable once received; only its first decision is recorded'
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- A sent report (SENT, ACCEPTED, REPLACED) is the record of what was filed: its row is never
-- removed, and the only change is a step of its life — SENT → ACCEPTED or RETURNED (with the
-- decision's time; a returned report is no longer ready), ACCEPTED → REPLACED — each recorded
-- in report_status_history (checked at commit below). A returned report edits like a draft.
CREATE OR REPLACE FUNCTION hesabat_sent_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  life constant text[] := ARRAY['status', 'decided_at', 'ready_at', 'updated_at'];
BEGIN
  IF OLD.status NOT IN ('SENT', 'ACCEPTED', 'REPLACED') THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SENT_REPORT_IMMUTABLE: report % was sent and is kept', OLD.id
      USING ERRCODE = 'P0001';
  END IF;
  IF to_jsonb(NEW) = to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  IF NOT ((OLD.status = 'SENT' AND NEW.status IN ('ACCEPTED', 'RETURNED'))
          OR (OLD.status = 'ACCEPTED' AND NEW.status = 'REPLACED'))
     OR (to_jsonb(NEW) - life) IS DISTINCT FROM (to_jsonb(OLD) - life)
     OR (OLD.status <> 'SENT' AND NEW.decided_at IS DISTINCT FROM OLD.decided_at)
     OR (NEW.status <> 'RETURNED' AND NEW.ready_at IS DISTINCT FROM OLD.ready_at) THEN
    RAISE EXCEPTION 'SENT_REPORT_IMMUTABLE: report % was sent; only its status moves (% → %)',
      OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER reports_sent_guard
  BEFORE UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION hesabat_sent_report_guard();
--> statement-breakpoint
-- At commit, a sent report whose status moved has the matching last entry in its history (the
-- Received entry stands for SENT): the status never changes without a trace. Deferred, because
-- the use cases write the history row after the report's in the same transaction.
CREATE OR REPLACE FUNCTION hesabat_sent_report_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_status text;
  recorded text;
BEGIN
  SELECT status INTO now_status FROM reports WHERE id = NEW.id;
  SELECT status INTO recorded FROM report_status_history
    WHERE report_id = NEW.id ORDER BY id DESC LIMIT 1;
  IF recorded IS DISTINCT FROM (CASE now_status WHEN 'SENT' THEN 'RECEIVED' ELSE now_status END) THEN
    RAISE EXCEPTION 'SENT_REPORT_UNRECORDED: report % is % but its history ends with %',
      NEW.id, now_status, coalesce(recorded, 'nothing')
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER reports_status_recorded
  AFTER UPDATE OF status ON reports
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (OLD.status IN ('SENT', 'ACCEPTED', 'REPLACED') AND NEW.status IS DISTINCT FROM OLD.status)
  EXECUTE FUNCTION hesabat_sent_report_recorded();
