CREATE TABLE "bank_statement_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"file_sha256" text NOT NULL,
	"local_body_code" text,
	"staff_id" uuid NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"line_count" integer NOT NULL,
	"problem_count" integer NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "bank_statement_imports_format_chk" CHECK ("bank_statement_imports"."format" in ('CAMT053', 'CSV'))
);
--> statement-breakpoint
CREATE TABLE "bank_statement_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"line_index" integer NOT NULL,
	"bank_reference" text NOT NULL,
	"booking_date" date NOT NULL,
	"value_date" date NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"payer_name" text,
	"payer_voen" text,
	"class_code" text,
	"remittance" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"employer_id" uuid,
	"local_body_code" text,
	CONSTRAINT "bank_statement_lines_status_chk" CHECK ("bank_statement_lines"."status" in ('MATCHED', 'UNMATCHED', 'DUPLICATE')),
	CONSTRAINT "bank_statement_lines_amount_chk" CHECK ("bank_statement_lines"."amount_qepik" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_reversals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"reason" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"reversed_by" text NOT NULL,
	"reversed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_reversals_payment_id_unique" UNIQUE("payment_id"),
	CONSTRAINT "payment_reversals_amount_chk" CHECK ("payment_reversals"."amount_qepik" > 0)
);
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_import_id_bank_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."bank_statement_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reversals" ADD CONSTRAINT "payment_reversals_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reversals" ADD CONSTRAINT "payment_reversals_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_statement_imports_body_idx" ON "bank_statement_imports" USING btree ("local_body_code","imported_at");--> statement-breakpoint
CREATE INDEX "bank_statement_lines_import_idx" ON "bank_statement_lines" USING btree ("import_id","line_index");--> statement-breakpoint
CREATE INDEX "bank_statement_lines_queue_idx" ON "bank_statement_lines" USING btree ("status","local_body_code");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_lines_ref_uq" ON "bank_statement_lines" USING btree ("bank_reference") WHERE "bank_statement_lines"."status" <> 'DUPLICATE';--> statement-breakpoint
CREATE INDEX "payment_reversals_employer_idx" ON "payment_reversals" USING btree ("employer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_bank_ref_uq" ON "payments" USING btree ("bank_reference") WHERE "payments"."source_payment_id" is null;--> statement-breakpoint
-- Hand-written (issue 14 §5): imports, their lines and reversals are append-only; a line's
-- "recorded" state is derived from payments, a reversal is a new row.
CREATE TRIGGER bank_statement_imports_append_only
  BEFORE UPDATE OR DELETE ON bank_statement_imports
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_statement_imports_no_truncate
  BEFORE TRUNCATE ON bank_statement_imports
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_statement_lines_append_only
  BEFORE UPDATE OR DELETE ON bank_statement_lines
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_statement_lines_no_truncate
  BEFORE TRUNCATE ON bank_statement_lines
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_reversals_append_only
  BEFORE UPDATE OR DELETE ON payment_reversals
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_reversals_no_truncate
  BEFORE TRUNCATE ON payment_reversals
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON bank_statement_imports, bank_statement_lines, payment_reversals FROM hesabat_app;
