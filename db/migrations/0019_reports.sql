CREATE TABLE "ledger_entry_reversals" (
	"reversal_entry_id" bigint PRIMARY KEY NOT NULL,
	"reversed_entry_id" bigint NOT NULL,
	"report_return_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_returns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"reasons" jsonb NOT NULL,
	"note" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_fin" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanction_decisions" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"ledger_entry_id" bigint,
	"staff_id" uuid NOT NULL,
	"staff_fin" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_entry_reversals" ADD CONSTRAINT "ledger_entry_reversals_reversal_entry_id_ledger_entries_id_fk" FOREIGN KEY ("reversal_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry_reversals" ADD CONSTRAINT "ledger_entry_reversals_reversed_entry_id_ledger_entries_id_fk" FOREIGN KEY ("reversed_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry_reversals" ADD CONSTRAINT "ledger_entry_reversals_report_return_id_report_returns_id_fk" FOREIGN KEY ("report_return_id") REFERENCES "public"."report_returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_returns" ADD CONSTRAINT "report_returns_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_returns" ADD CONSTRAINT "report_returns_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_returns" ADD CONSTRAINT "report_returns_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_returns" ADD CONSTRAINT "report_returns_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_decisions" ADD CONSTRAINT "sanction_decisions_proposal_id_sanction_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."sanction_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_decisions" ADD CONSTRAINT "sanction_decisions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_decisions" ADD CONSTRAINT "sanction_decisions_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_decisions" ADD CONSTRAINT "sanction_decisions_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_reversals_reversed_uq" ON "ledger_entry_reversals" USING btree ("reversed_entry_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_reversals_return_idx" ON "ledger_entry_reversals" USING btree ("report_return_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_returns_submission_uq" ON "report_returns" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "report_returns_report_idx" ON "report_returns" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "sanction_decisions_employer_idx" ON "sanction_decisions" USING btree ("employer_id","decided_at");--> statement-breakpoint
-- Report review (issue 14 §9–§10): returns, their compensating-entry links and sanction
-- decisions are evidence, added and never changed.
CREATE TRIGGER report_returns_append_only
  BEFORE UPDATE OR DELETE ON report_returns
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_returns_no_truncate
  BEFORE TRUNCATE ON report_returns
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_reversals_append_only
  BEFORE UPDATE OR DELETE ON ledger_entry_reversals
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_reversals_no_truncate
  BEFORE TRUNCATE ON ledger_entry_reversals
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER sanction_decisions_append_only
  BEFORE UPDATE OR DELETE ON sanction_decisions
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER sanction_decisions_no_truncate
  BEFORE TRUNCATE ON sanction_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON report_returns, ledger_entry_reversals, sanction_decisions
  FROM hesabat_app;
--> statement-breakpoint
-- A submission is written once by its first decision, and once more if a reviewer returns an
-- accepted one (ACCEPTED → RETURNED: the status and the reasons, and only when its return is
-- recorded in report_returns; the decision time stays the acceptance's).
CREATE OR REPLACE FUNCTION hesabat_submission_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  decision constant text[] := ARRAY['status', 'return_reasons', 'decided_at'];
  staff_return constant text[] := ARRAY['status', 'return_reasons'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SUBMISSION_IMMUTABLE: submissions are append-only' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status = 'ACCEPTED' AND NEW.status = 'RETURNED'
     AND (to_jsonb(NEW) - staff_return) IS NOT DISTINCT FROM (to_jsonb(OLD) - staff_return)
     AND EXISTS (SELECT 1 FROM report_returns r WHERE r.submission_id = NEW.id) THEN
    RETURN NEW;
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
-- A sent report's life gains two steps (issue 14 §9), each only with its return recorded in
-- report_returns: ACCEPTED → RETURNED by a reviewer (the return's time as its decision time; a
-- returned report is no longer ready), and REPLACED → ACCEPTED when the corrective report that
-- replaced it is returned. Each is recorded in
-- report_status_history (reports_status_recorded).
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
          OR (OLD.status = 'ACCEPTED' AND NEW.status = 'REPLACED')
          OR (OLD.status = 'ACCEPTED' AND NEW.status = 'RETURNED' AND EXISTS (
                SELECT 1 FROM report_returns r
                WHERE r.report_id = NEW.id AND r.returned_at = NEW.decided_at))
          OR (OLD.status = 'REPLACED' AND NEW.status = 'ACCEPTED' AND EXISTS (
                SELECT 1 FROM report_returns r JOIN reports c ON c.id = r.report_id
                WHERE c.replaces_report_id = NEW.id AND r.returned_at = NEW.updated_at)))
     OR (to_jsonb(NEW) - life) IS DISTINCT FROM (to_jsonb(OLD) - life)
     OR (OLD.status <> 'SENT' AND NEW.status <> 'RETURNED'
         AND NEW.decided_at IS DISTINCT FROM OLD.decided_at)
     OR (NEW.status <> 'RETURNED' AND NEW.ready_at IS DISTINCT FROM OLD.ready_at) THEN
    RAISE EXCEPTION 'SENT_REPORT_IMMUTABLE: report % was sent; only its status moves (% → %)',
      OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
