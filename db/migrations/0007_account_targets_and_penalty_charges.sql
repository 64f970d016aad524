CREATE TABLE "penalty_charges" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"report_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"obligation_side" text NOT NULL,
	"obligation_month" text NOT NULL,
	"due_date" date NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"charged_from" date NOT NULL,
	"charged_to" date NOT NULL,
	"days" integer NOT NULL,
	"total_days" integer NOT NULL,
	"penalty_qepik" bigint NOT NULL,
	"intervals" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "target" text;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "obligation_side" text;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "obligation_month" text;--> statement-breakpoint
ALTER TABLE "penalty_charges" ADD CONSTRAINT "penalty_charges_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_charges" ADD CONSTRAINT "penalty_charges_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_charges" ADD CONSTRAINT "penalty_charges_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "penalty_charges_employer_code_idx" ON "penalty_charges" USING btree ("employer_id","activity_code","obligation_month");--> statement-breakpoint
CREATE INDEX "penalty_charges_report_idx" ON "penalty_charges" USING btree ("report_id");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_target_chk" CHECK ("ledger_entries"."target" is null or "ledger_entries"."target" in ('MDSS','PENALTY','FINE','SANCTION','OTHER','CREDIT'));--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_obligation_chk" CHECK (("ledger_entries"."obligation_side" is null or "ledger_entries"."obligation_side" in ('EMPLOYER','EMPLOYEE'))
        and ("ledger_entries"."obligation_month" is null or "ledger_entries"."obligation_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'));--> statement-breakpoint
-- What a report charged as penalty is evidence, like the ledger it explains: rows are only added.
CREATE TRIGGER penalty_charges_append_only
  BEFORE UPDATE OR DELETE ON penalty_charges
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER penalty_charges_no_truncate
  BEFORE TRUNCATE ON penalty_charges
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
