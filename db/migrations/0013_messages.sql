CREATE TABLE "message_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" bytea NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_attachments_media_type_chk" CHECK ("message_attachments"."media_type" in ('application/pdf','image/png','image/jpeg')),
	CONSTRAINT "message_attachments_size_chk" CHECK ("message_attachments"."size_bytes" between 1 and 5242880 and "message_attachments"."size_bytes" = octet_length("message_attachments"."content")),
	CONSTRAINT "message_attachments_sha256_chk" CHECK ("message_attachments"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "message_attachments_name_chk" CHECK (char_length("message_attachments"."file_name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "message_reads" (
	"employer_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reader_fin" text,
	"reader_staff_id" text,
	CONSTRAINT "message_reads_pk" PRIMARY KEY("employer_id","message_id"),
	CONSTRAINT "message_reads_reader_chk" CHECK (("message_reads"."reader_fin" is null) <> ("message_reads"."reader_staff_id" is null))
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"parent_id" uuid,
	"direction" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"author_fin" text,
	"author_staff_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_employer_id_uq" UNIQUE("employer_id","id"),
	CONSTRAINT "messages_author_chk" CHECK (("messages"."direction" = 'EMPLOYER_TO_FUND' and "messages"."author_fin" is not null and "messages"."author_staff_id" is null)
        or ("messages"."direction" = 'FUND_TO_EMPLOYER' and "messages"."author_staff_id" is not null and "messages"."author_fin" is null)),
	CONSTRAINT "messages_thread_chk" CHECK (("messages"."parent_id" is null) = ("messages"."thread_id" = "messages"."id")),
	CONSTRAINT "messages_text_chk" CHECK (char_length("messages"."subject") between 1 and 200 and char_length("messages"."body") between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_fk" FOREIGN KEY ("employer_id","message_id") REFERENCES "public"."messages"("employer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_message_fk" FOREIGN KEY ("employer_id","message_id") REFERENCES "public"."messages"("employer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_fk" FOREIGN KEY ("employer_id","thread_id") REFERENCES "public"."messages"("employer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_parent_fk" FOREIGN KEY ("employer_id","parent_id") REFERENCES "public"."messages"("employer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_attachments_employer_message_idx" ON "message_attachments" USING btree ("employer_id","message_id");--> statement-breakpoint
CREATE INDEX "messages_employer_direction_idx" ON "messages" USING btree ("employer_id","direction","created_at");--> statement-breakpoint
CREATE INDEX "messages_employer_thread_idx" ON "messages" USING btree ("employer_id","thread_id","created_at");--> statement-breakpoint
-- What was written to or by the fund is evidence: messages, their attachments and their reads
-- are added, never changed or removed (the function of migration 0001).
CREATE TRIGGER messages_append_only
  BEFORE UPDATE OR DELETE ON messages
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER messages_no_truncate
  BEFORE TRUNCATE ON messages
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_attachments_append_only
  BEFORE UPDATE OR DELETE ON message_attachments
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_attachments_no_truncate
  BEFORE TRUNCATE ON message_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_reads_append_only
  BEFORE UPDATE OR DELETE ON message_reads
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_reads_no_truncate
  BEFORE TRUNCATE ON message_reads
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
-- The default privileges of 0011 gave the app role every ordinary right on these new tables;
-- append-only ones take back what the triggers refuse anyway (0011's rule for later tables).
REVOKE UPDATE, DELETE, TRUNCATE ON messages, message_attachments, message_reads FROM hesabat_app;
