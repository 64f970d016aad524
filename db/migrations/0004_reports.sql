CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"service" text DEFAULT 'REPORTS' NOT NULL,
	"created_by_fin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "report_lines" (
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"category" text NOT NULL,
	"accrued_qepik" bigint DEFAULT 0 NOT NULL,
	"paid_qepik" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_lines_report_id_category_pk" PRIMARY KEY("report_id","category"),
	CONSTRAINT "report_lines_amounts_chk" CHECK ("report_lines"."accrued_qepik" >= 0 and "report_lines"."paid_qepik" >= 0)
);
--> statement-breakpoint
CREATE TABLE "report_months" (
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"month" text NOT NULL,
	"labour_payments_qepik" bigint,
	"headcount" integer,
	CONSTRAINT "report_months_report_id_month_pk" PRIMARY KEY("report_id","month"),
	CONSTRAINT "report_months_amount_chk" CHECK ("report_months"."labour_payments_qepik" is null or "report_months"."labour_payments_qepik" >= 0),
	CONSTRAINT "report_months_headcount_chk" CHECK ("report_months"."headcount" is null or "report_months"."headcount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "report_non_liable_incomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"reason_code" text NOT NULL,
	"month" text NOT NULL,
	"amount_qepik" bigint NOT NULL,
	CONSTRAINT "report_non_liable_amount_chk" CHECK ("report_non_liable_incomes"."amount_qepik" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_payments" (
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_payments_report_id_payment_id_pk" PRIMARY KEY("report_id","payment_id"),
	CONSTRAINT "report_payments_amount_chk" CHECK ("report_payments"."amount_qepik" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_persons" (
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"fin" text NOT NULL,
	"surname" text NOT NULL,
	"name" text NOT NULL,
	"patronymic" text NOT NULL,
	"income_m1_qepik" bigint,
	"income_m2_qepik" bigint,
	"income_m3_qepik" bigint,
	CONSTRAINT "report_persons_report_id_fin_pk" PRIMARY KEY("report_id","fin"),
	CONSTRAINT "report_persons_income_chk" CHECK (coalesce("report_persons"."income_m1_qepik", 0) >= 0 and coalesce("report_persons"."income_m2_qepik", 0) >= 0 and coalesce("report_persons"."income_m3_qepik", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "report_seniority" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"fin" text NOT NULL,
	"entry_id" integer NOT NULL,
	"days" integer,
	"from_date" date,
	"to_date" date,
	CONSTRAINT "report_seniority_period_chk" CHECK (("report_seniority"."days" is not null and "report_seniority"."days" > 0) or ("report_seniority"."from_date" is not null and "report_seniority"."to_date" is not null and "report_seniority"."to_date" >= "report_seniority"."from_date"))
);
--> statement-breakpoint
CREATE TABLE "report_signatories" (
	"report_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"role" text NOT NULL,
	"fin" text NOT NULL,
	"document_type" text NOT NULL,
	"surname" text NOT NULL,
	"name" text NOT NULL,
	"patronymic" text NOT NULL,
	CONSTRAINT "report_signatories_report_id_role_pk" PRIMARY KEY("report_id","role")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"report_type" text NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"replaces_report_id" uuid,
	"debt_start_qepik" bigint DEFAULT 0 NOT NULL,
	"step_state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confirmations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"distributed_at" timestamp with time zone,
	"penalty_computed_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_fin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_quarter_chk" CHECK ("reports"."quarter" between 1 and 4),
	CONSTRAINT "reports_year_chk" CHECK ("reports"."year" between 2019 and 2100)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lines" ADD CONSTRAINT "report_lines_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_months" ADD CONSTRAINT "report_months_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_non_liable_incomes" ADD CONSTRAINT "report_non_liable_incomes_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_non_liable_incomes" ADD CONSTRAINT "report_non_liable_incomes_reason_code_non_liable_income_reasons_code_fk" FOREIGN KEY ("reason_code") REFERENCES "public"."non_liable_income_reasons"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_payments" ADD CONSTRAINT "report_payments_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_payments" ADD CONSTRAINT "report_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_persons" ADD CONSTRAINT "report_persons_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_seniority" ADD CONSTRAINT "report_seniority_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_seniority" ADD CONSTRAINT "report_seniority_entry_id_preferential_seniority_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."preferential_seniority_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signatories" ADD CONSTRAINT "report_signatories_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_activity_code_activity_codes_code_fk" FOREIGN KEY ("activity_code") REFERENCES "public"."activity_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_employer_idx" ON "api_tokens" USING btree ("employer_id","created_at");--> statement-breakpoint
CREATE INDEX "report_lines_employer_idx" ON "report_lines" USING btree ("employer_id","report_id");--> statement-breakpoint
CREATE INDEX "report_months_employer_idx" ON "report_months" USING btree ("employer_id","report_id");--> statement-breakpoint
CREATE INDEX "report_non_liable_employer_idx" ON "report_non_liable_incomes" USING btree ("employer_id","report_id");--> statement-breakpoint
CREATE INDEX "report_payments_employer_idx" ON "report_payments" USING btree ("employer_id","report_id");--> statement-breakpoint
CREATE INDEX "report_payments_payment_idx" ON "report_payments" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "report_persons_employer_idx" ON "report_persons" USING btree ("employer_id","report_id");--> statement-breakpoint
CREATE INDEX "report_persons_name_idx" ON "report_persons" USING btree ("report_id","surname","name");--> statement-breakpoint
CREATE INDEX "report_seniority_employer_idx" ON "report_seniority" USING btree ("employer_id","report_id");--> statement-breakpoint
CREATE INDEX "report_signatories_employer_idx" ON "report_signatories" USING btree ("employer_id","report_id");--> statement-breakpoint
CREATE INDEX "reports_employer_period_idx" ON "reports" USING btree ("employer_id","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_one_initial_uq" ON "reports" USING btree ("employer_id","activity_code","year","quarter") WHERE "reports"."report_type" = 'INITIAL';