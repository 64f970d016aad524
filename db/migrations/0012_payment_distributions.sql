CREATE TABLE "payment_distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"source_payment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_qepik" bigint NOT NULL,
	"signed_document_id" uuid NOT NULL,
	"signer_fin" text NOT NULL,
	"acting_employer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_distributions_signed_document_id_unique" UNIQUE("signed_document_id"),
	CONSTRAINT "payment_distributions_amount_chk" CHECK ("payment_distributions"."amount_qepik" > 0),
	CONSTRAINT "payment_distributions_kind_chk" CHECK ("payment_distributions"."kind" in ('CLASSIFICATION', 'SUB_EMPLOYER'))
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "source_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "distribution_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_distributions" ADD CONSTRAINT "payment_distributions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_distributions" ADD CONSTRAINT "payment_distributions_source_payment_id_payments_id_fk" FOREIGN KEY ("source_payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_distributions" ADD CONSTRAINT "payment_distributions_signed_document_id_signed_documents_id_fk" FOREIGN KEY ("signed_document_id") REFERENCES "public"."signed_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_distributions" ADD CONSTRAINT "payment_distributions_acting_employer_id_employers_id_fk" FOREIGN KEY ("acting_employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_distributions_employer_idx" ON "payment_distributions" USING btree ("employer_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_distributions_source_idx" ON "payment_distributions" USING btree ("source_payment_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_source_payment_id_payments_id_fk" FOREIGN KEY ("source_payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_distribution_id_payment_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."payment_distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_source_idx" ON "payments" USING btree ("source_payment_id");--> statement-breakpoint
-- A part of a payment names both its source and the distribution that made it, or neither.
ALTER TABLE "payments" ADD CONSTRAINT "payments_part_chk" CHECK (("source_payment_id" IS NULL) = ("distribution_id" IS NULL));
--> statement-breakpoint
-- What was signed is evidence: a distribution is never changed or removed (0001's function).
CREATE TRIGGER payment_distributions_append_only
  BEFORE UPDATE OR DELETE ON payment_distributions
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_distributions_no_truncate
  BEFORE TRUNCATE ON payment_distributions
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON payment_distributions FROM hesabat_app;
