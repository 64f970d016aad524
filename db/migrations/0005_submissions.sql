CREATE SEQUENCE "public"."receipt_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "person_account_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"fin" text NOT NULL,
	"month" text NOT NULL,
	"report_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"income_qepik" bigint NOT NULL,
	"employer_mdss_qepik" bigint NOT NULL,
	"employee_mdss_qepik" bigint NOT NULL,
	"paid_employer_qepik" bigint NOT NULL,
	"paid_employee_qepik" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"submission_id" uuid,
	"status" text NOT NULL,
	"reasons" jsonb,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanction_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"days_late" integer NOT NULL,
	"status" text DEFAULT 'PROPOSED' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sanction_proposals_amount_chk" CHECK ("sanction_proposals"."amount_qepik" >= 0)
);
--> statement-breakpoint
CREATE TABLE "submission_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"manifest" jsonb NOT NULL,
	"signed_document_id" uuid,
	"signing_session_id" uuid NOT NULL,
	"created_by_fin" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"batch_id" uuid,
	"receipt_number" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"document_json" text NOT NULL,
	"document_hash" text NOT NULL,
	"signed_document_id" uuid NOT NULL,
	"signer_fin" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"due_date" date NOT NULL,
	"late" boolean NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"return_reasons" jsonb,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "receipt_number" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "mdss_qepik" bigint;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "debt_end_qepik" bigint;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "persons_count" integer;--> statement-breakpoint
ALTER TABLE "person_account_entries" ADD CONSTRAINT "person_account_entries_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_account_entries" ADD CONSTRAINT "person_account_entries_activity_code_activity_codes_code_fk" FOREIGN KEY ("activity_code") REFERENCES "public"."activity_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_account_entries" ADD CONSTRAINT "person_account_entries_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_account_entries" ADD CONSTRAINT "person_account_entries_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_status_history" ADD CONSTRAINT "report_status_history_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_status_history" ADD CONSTRAINT "report_status_history_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_proposals" ADD CONSTRAINT "sanction_proposals_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_proposals" ADD CONSTRAINT "sanction_proposals_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_proposals" ADD CONSTRAINT "sanction_proposals_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batches" ADD CONSTRAINT "submission_batches_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batches" ADD CONSTRAINT "submission_batches_signed_document_id_signed_documents_id_fk" FOREIGN KEY ("signed_document_id") REFERENCES "public"."signed_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_signed_document_id_signed_documents_id_fk" FOREIGN KEY ("signed_document_id") REFERENCES "public"."signed_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_account_fin_idx" ON "person_account_entries" USING btree ("fin","month");--> statement-breakpoint
CREATE INDEX "person_account_employer_idx" ON "person_account_entries" USING btree ("employer_id","activity_code","month");--> statement-breakpoint
CREATE INDEX "person_account_submission_idx" ON "person_account_entries" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "report_status_history_report_idx" ON "report_status_history" USING btree ("report_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sanction_proposals_submission_uq" ON "sanction_proposals" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "sanction_proposals_employer_idx" ON "sanction_proposals" USING btree ("employer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_batches_session_uq" ON "submission_batches" USING btree ("signing_session_id");--> statement-breakpoint
CREATE INDEX "submission_batches_employer_idx" ON "submission_batches" USING btree ("employer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_receipt_uq" ON "submissions" USING btree ("receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_report_signature_uq" ON "submissions" USING btree ("report_id","signed_document_id");--> statement-breakpoint
CREATE INDEX "submissions_employer_idx" ON "submissions" USING btree ("employer_id","received_at");--> statement-breakpoint
CREATE INDEX "submissions_report_idx" ON "submissions" USING btree ("report_id","received_at");--> statement-breakpoint
CREATE INDEX "submissions_hash_idx" ON "submissions" USING btree ("document_hash");--> statement-breakpoint
CREATE INDEX "reports_employer_receipt_idx" ON "reports" USING btree ("employer_id","receipt_number");