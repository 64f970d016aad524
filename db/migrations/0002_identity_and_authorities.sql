CREATE TABLE "certificates" (
	"serial" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"holder_fin" text NOT NULL,
	"card_number" text,
	"asan_phone" text,
	"asan_user_id" text,
	"issuer" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"pin1_hash" text NOT NULL,
	"pin2_hash" text NOT NULL,
	"pin1_tries" integer DEFAULT 0 NOT NULL,
	"pin2_tries" integer DEFAULT 0 NOT NULL,
	"pin1_blocked" boolean DEFAULT false NOT NULL,
	"pin2_blocked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "certificates_kind_chk" CHECK (("certificates"."kind" = 'CARD' and "certificates"."card_number" is not null) or ("certificates"."kind" = 'ASAN' and "certificates"."asan_phone" is not null and "certificates"."asan_user_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "signed_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"document_kind" text NOT NULL,
	"canonical_json" text NOT NULL,
	"hash" text NOT NULL,
	"jws" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"signer_fin" text NOT NULL,
	"signing_session_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"method" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"employer_id" uuid,
	"document_kind" text,
	"payload" text NOT NULL,
	"hash" text NOT NULL,
	"verification_code" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"jws" text,
	"tries_left" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	"request_ip" text
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"service" text NOT NULL,
	"method" text NOT NULL,
	"holder_fin" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"device_ref" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"granted_by_fin" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_fin" text,
	CONSTRAINT "authorities_interval_chk" CHECK ("authorities"."valid_from" is null or "authorities"."valid_to" is null or "authorities"."valid_to" >= "authorities"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_holder_fin_registry_persons_fin_fk" FOREIGN KEY ("holder_fin") REFERENCES "public"."registry_persons"("fin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_certificate_serial_certificates_serial_fk" FOREIGN KEY ("certificate_serial") REFERENCES "public"."certificates"("serial") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_signing_session_id_signing_sessions_id_fk" FOREIGN KEY ("signing_session_id") REFERENCES "public"."signing_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_sessions" ADD CONSTRAINT "signing_sessions_certificate_serial_certificates_serial_fk" FOREIGN KEY ("certificate_serial") REFERENCES "public"."certificates"("serial") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_sessions" ADD CONSTRAINT "signing_sessions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorities" ADD CONSTRAINT "authorities_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorities" ADD CONSTRAINT "authorities_holder_fin_registry_persons_fin_fk" FOREIGN KEY ("holder_fin") REFERENCES "public"."registry_persons"("fin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorities" ADD CONSTRAINT "authorities_certificate_serial_certificates_serial_fk" FOREIGN KEY ("certificate_serial") REFERENCES "public"."certificates"("serial") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_holder_idx" ON "certificates" USING btree ("holder_fin");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_card_uq" ON "certificates" USING btree ("card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_asan_uq" ON "certificates" USING btree ("asan_phone","asan_user_id");--> statement-breakpoint
CREATE INDEX "signed_documents_employer_idx" ON "signed_documents" USING btree ("employer_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signed_documents_session_uq" ON "signed_documents" USING btree ("signing_session_id");--> statement-breakpoint
CREATE INDEX "signed_documents_hash_idx" ON "signed_documents" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "signing_sessions_cert_idx" ON "signing_sessions" USING btree ("certificate_serial","status");--> statement-breakpoint
CREATE INDEX "signing_sessions_employer_idx" ON "signing_sessions" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "authorities_employer_idx" ON "authorities" USING btree ("employer_id","granted_at");--> statement-breakpoint
CREATE INDEX "authorities_holder_idx" ON "authorities" USING btree ("holder_fin");