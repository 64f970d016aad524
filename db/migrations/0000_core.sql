CREATE TABLE "activity_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"name_az" text NOT NULL,
	"name_en" text NOT NULL,
	"sector" text NOT NULL,
	"employer_class_code" text NOT NULL,
	"employee_class_code" text NOT NULL,
	CONSTRAINT "activity_codes_sector_chk" CHECK ("activity_codes"."sector" in ('NON_OIL_NON_STATE','STATE_OR_OIL'))
);
--> statement-breakpoint
CREATE TABLE "contribution_regimes" (
	"id" text PRIMARY KEY NOT NULL,
	"sector" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"employee_tiers" jsonb NOT NULL,
	"employer_tiers" jsonb NOT NULL,
	CONSTRAINT "contribution_regimes_interval_chk" CHECK ("contribution_regimes"."valid_from" is null or "contribution_regimes"."valid_to" is null or "contribution_regimes"."valid_to" >= "contribution_regimes"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "economic_class_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"side" text NOT NULL,
	"pair_code" text NOT NULL,
	"name_az" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "non_liable_income_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"name_az" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_parameters" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"daily_rate_num" integer NOT NULL,
	"daily_rate_den" integer NOT NULL,
	"cap_days" integer NOT NULL,
	"late_filing_sanction_num" integer NOT NULL,
	"late_filing_sanction_den" integer NOT NULL,
	CONSTRAINT "penalty_parameters_effective_from_unique" UNIQUE("effective_from")
);
--> statement-breakpoint
CREATE TABLE "preferential_seniority_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"section" text NOT NULL,
	"position_code" text NOT NULL,
	"title_az" text NOT NULL,
	"title_en" text NOT NULL,
	CONSTRAINT "preferential_seniority_entries_position_code_unique" UNIQUE("position_code")
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name_az" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_persons" (
	"fin" text PRIMARY KEY NOT NULL,
	"surname" text NOT NULL,
	"name" text NOT NULL,
	"patronymic" text NOT NULL,
	"birth_date" date NOT NULL,
	"document_type" text NOT NULL,
	"document_number" text NOT NULL,
	"document_valid_to" date NOT NULL,
	CONSTRAINT "registry_persons_doc_chk" CHECK ("registry_persons"."document_type" in ('DIN','MIQRASIYA'))
);
--> statement-breakpoint
CREATE TABLE "tax_registry" (
	"voen" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"taxpayer_type" text NOT NULL,
	"legal_address" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_activity_codes" (
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	CONSTRAINT "employer_activity_codes_employer_id_activity_code_pk" PRIMARY KEY("employer_id","activity_code")
);
--> statement-breakpoint
CREATE TABLE "employer_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"address" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"bank_name" text NOT NULL,
	"bank_code" text NOT NULL,
	"iban" text NOT NULL,
	"currency" text DEFAULT 'AZN' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"employer_type" text NOT NULL,
	"dsmf_reg_number" text NOT NULL,
	"voen" text NOT NULL,
	"local_body_code" text NOT NULL,
	"local_body_name" text NOT NULL,
	"responsible_fin" text NOT NULL,
	"parent_employer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employers_dsmf_reg_number_unique" UNIQUE("dsmf_reg_number"),
	CONSTRAINT "employers_reg_chk" CHECK ("employers"."dsmf_reg_number" ~ '^[0-9]{5,15}$'),
	CONSTRAINT "employers_voen_chk" CHECK ("employers"."voen" ~ '^[0-9]{9}[12]$')
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"employer_id" uuid NOT NULL,
	"fin" text NOT NULL,
	"activity_code" text NOT NULL,
	"position" text NOT NULL,
	"monthly_wage_qepik" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "employments_employer_id_fin_activity_code_pk" PRIMARY KEY("employer_id","fin","activity_code"),
	CONSTRAINT "employments_wage_chk" CHECK ("employments"."monthly_wage_qepik" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"activity_code" text,
	"payment_date" date NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"bank_reference" text NOT NULL,
	"economic_class_code" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_employer_bank_ref_uq" UNIQUE("employer_id","bank_reference"),
	CONSTRAINT "payments_amount_positive_chk" CHECK ("payments"."amount_qepik" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"entry_date" date NOT NULL,
	"period_year" integer,
	"period_month" integer,
	"kind" text NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"payment_id" uuid,
	"source_type" text,
	"source_id" text,
	"memo" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_kind_chk" CHECK ("ledger_entries"."kind" in ('MDSS_ACCRUAL_EMPLOYER','MDSS_ACCRUAL_EMPLOYEE','PENALTY','FINE','SANCTION','OTHER_ACCRUAL','PAYMENT','WRITE_OFF','OPENING_BALANCE','ADJUSTMENT')),
	CONSTRAINT "ledger_sign_chk" CHECK (("ledger_entries"."kind" in ('MDSS_ACCRUAL_EMPLOYER','MDSS_ACCRUAL_EMPLOYEE','PENALTY','FINE','SANCTION','OTHER_ACCRUAL') and "ledger_entries"."amount_qepik" > 0)
        or ("ledger_entries"."kind" in ('PAYMENT','WRITE_OFF') and "ledger_entries"."amount_qepik" < 0)
        or ("ledger_entries"."kind" in ('OPENING_BALANCE','ADJUSTMENT') and "ledger_entries"."amount_qepik" <> 0)),
	CONSTRAINT "ledger_month_chk" CHECK ("ledger_entries"."period_month" is null or "ledger_entries"."period_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_fin" text,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"employer_id" uuid,
	"outcome" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	CONSTRAINT "audit_outcome_chk" CHECK ("audit_log"."outcome" in ('SUCCESS','FAILURE','DENIED'))
);
--> statement-breakpoint
ALTER TABLE "employer_activity_codes" ADD CONSTRAINT "employer_activity_codes_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_activity_codes" ADD CONSTRAINT "employer_activity_codes_activity_code_activity_codes_code_fk" FOREIGN KEY ("activity_code") REFERENCES "public"."activity_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_addresses" ADD CONSTRAINT "employer_addresses_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_bank_accounts" ADD CONSTRAINT "employer_bank_accounts_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_responsible_fin_registry_persons_fin_fk" FOREIGN KEY ("responsible_fin") REFERENCES "public"."registry_persons"("fin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_parent_employer_id_employers_id_fk" FOREIGN KEY ("parent_employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_fin_registry_persons_fin_fk" FOREIGN KEY ("fin") REFERENCES "public"."registry_persons"("fin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_activity_code_activity_codes_code_fk" FOREIGN KEY ("activity_code") REFERENCES "public"."activity_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_activity_code_activity_codes_code_fk" FOREIGN KEY ("activity_code") REFERENCES "public"."activity_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_economic_class_code_economic_class_codes_code_fk" FOREIGN KEY ("economic_class_code") REFERENCES "public"."economic_class_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_activity_code_activity_codes_code_fk" FOREIGN KEY ("activity_code") REFERENCES "public"."activity_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_persons_surname_idx" ON "registry_persons" USING btree ("surname","name");--> statement-breakpoint
CREATE INDEX "employer_addresses_employer_idx" ON "employer_addresses" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_bank_accounts_employer_idx" ON "employer_bank_accounts" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_contacts_employer_idx" ON "employer_contacts" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employers_responsible_fin_idx" ON "employers" USING btree ("responsible_fin");--> statement-breakpoint
CREATE INDEX "employers_parent_idx" ON "employers" USING btree ("parent_employer_id");--> statement-breakpoint
CREATE INDEX "employments_fin_idx" ON "employments" USING btree ("fin");--> statement-breakpoint
CREATE INDEX "payments_employer_date_idx" ON "payments" USING btree ("employer_id","payment_date");--> statement-breakpoint
CREATE INDEX "ledger_employer_activity_date_idx" ON "ledger_entries" USING btree ("employer_id","activity_code","entry_date");--> statement-breakpoint
CREATE INDEX "ledger_payment_idx" ON "ledger_entries" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "audit_employer_at_idx" ON "audit_log" USING btree ("employer_id","at");--> statement-breakpoint
CREATE INDEX "audit_actor_at_idx" ON "audit_log" USING btree ("actor_fin","at");