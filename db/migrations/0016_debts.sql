CREATE TABLE "debt_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"category" text NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"action_date" date NOT NULL,
	"period_from" text,
	"period_to" text,
	"basis" text NOT NULL,
	"status" text NOT NULL,
	"needs_approval" boolean NOT NULL,
	"requested_by_staff_id" uuid NOT NULL,
	"requested_by_fin" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by_staff_id" uuid,
	"decided_by_fin" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"ledger_entry_id" bigint,
	CONSTRAINT "debt_actions_kind_chk" CHECK ("debt_actions"."kind" in ('FINE','WRITE_OFF')),
	CONSTRAINT "debt_actions_status_chk" CHECK ("debt_actions"."status" in ('PENDING','POSTED','REJECTED')),
	CONSTRAINT "debt_actions_category_chk" CHECK ("debt_actions"."category" in ('MDSS','PENALTY','FINE','SANCTION','OTHER')),
	CONSTRAINT "debt_actions_amount_chk" CHECK ("debt_actions"."amount_qepik" > 0),
	CONSTRAINT "debt_actions_fine_chk" CHECK ("debt_actions"."kind" <> 'FINE' or ("debt_actions"."category" = 'FINE' and not "debt_actions"."needs_approval")),
	CONSTRAINT "debt_actions_period_chk" CHECK (("debt_actions"."period_from" is null) = ("debt_actions"."period_to" is null)
        and ("debt_actions"."period_from" is null or ("debt_actions"."period_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
          and "debt_actions"."period_to" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "debt_actions"."period_from" <= "debt_actions"."period_to"))),
	CONSTRAINT "debt_actions_state_chk" CHECK (("debt_actions"."status" = 'POSTED') = ("debt_actions"."ledger_entry_id" is not null)
        and ("debt_actions"."status" <> 'REJECTED' or "debt_actions"."decision_reason" is not null)
        and (("debt_actions"."status" = 'PENDING' or not "debt_actions"."needs_approval") = ("debt_actions"."decided_by_fin" is null))
        and ("debt_actions"."status" not in ('PENDING', 'REJECTED') or "debt_actions"."needs_approval")),
	CONSTRAINT "debt_actions_four_eyes_chk" CHECK ("debt_actions"."decided_by_fin" is null or "debt_actions"."decided_by_fin" <> "debt_actions"."requested_by_fin")
);
--> statement-breakpoint
ALTER TABLE "debt_actions" ADD CONSTRAINT "debt_actions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debt_actions" ADD CONSTRAINT "debt_actions_activity_code_activity_codes_code_fk" FOREIGN KEY ("activity_code") REFERENCES "public"."activity_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debt_actions" ADD CONSTRAINT "debt_actions_requested_by_staff_id_staff_members_id_fk" FOREIGN KEY ("requested_by_staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debt_actions" ADD CONSTRAINT "debt_actions_decided_by_staff_id_staff_members_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debt_actions" ADD CONSTRAINT "debt_actions_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "debt_actions_employer_idx" ON "debt_actions" USING btree ("employer_id","requested_at");--> statement-breakpoint
CREATE INDEX "debt_actions_status_idx" ON "debt_actions" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "debt_actions_ledger_entry_uq" ON "debt_actions" USING btree ("ledger_entry_id");--> statement-breakpoint
-- A fine or write-off is decided once (issue 14 §6): only a PENDING row changes, only to POSTED or
-- REJECTED, and only its decision columns; rows are never removed (the ledger entry a row posted
-- is append-only itself, migration 0001).
CREATE OR REPLACE FUNCTION debt_actions_decide_once() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'PENDING' OR NEW.status = 'PENDING'
     OR (NEW.id, NEW.kind, NEW.employer_id, NEW.activity_code, NEW.category, NEW.amount_qepik,
         NEW.action_date, NEW.period_from, NEW.period_to, NEW.basis, NEW.needs_approval,
         NEW.requested_by_staff_id, NEW.requested_by_fin, NEW.requested_by_name, NEW.requested_at)
        IS DISTINCT FROM
        (OLD.id, OLD.kind, OLD.employer_id, OLD.activity_code, OLD.category, OLD.amount_qepik,
         OLD.action_date, OLD.period_from, OLD.period_to, OLD.basis, OLD.needs_approval,
         OLD.requested_by_staff_id, OLD.requested_by_fin, OLD.requested_by_name, OLD.requested_at)
  THEN
    RAISE EXCEPTION 'APPEND_ONLY: only a pending debt action is decided, once'
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER debt_actions_decided_once
  BEFORE UPDATE ON debt_actions
  FOR EACH ROW EXECUTE FUNCTION debt_actions_decide_once();
--> statement-breakpoint
CREATE TRIGGER debt_actions_no_delete
  BEFORE DELETE ON debt_actions
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER debt_actions_no_truncate
  BEFORE TRUNCATE ON debt_actions
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON debt_actions FROM hesabat_app;
