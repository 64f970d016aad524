CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"fin" text NOT NULL,
	"surname" text NOT NULL,
	"name" text NOT NULL,
	"patronymic" text NOT NULL,
	"certificate_serial" text,
	"method" text,
	"employer_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "user_sessions_employer_login_chk" CHECK ("user_sessions"."kind" <> 'EMPLOYER' or ("user_sessions"."certificate_serial" is not null and "user_sessions"."method" is not null)),
	CONSTRAINT "user_sessions_end_chk" CHECK (("user_sessions"."ended_at" is null) = ("user_sessions"."end_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_certificate_serial_certificates_serial_fk" FOREIGN KEY ("certificate_serial") REFERENCES "public"."certificates"("serial") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_live_fin_idx" ON "user_sessions" USING btree ("fin","employer_id") WHERE "user_sessions"."ended_at" is null;--> statement-breakpoint
-- A session that ended stays ended (no UPDATE brings it back), and whom, when and how long it
-- was issued for never change: only last_seen_at, the employer chosen and the end are written.
CREATE OR REPLACE FUNCTION hesabat_user_session_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.ended_at IS NOT NULL THEN
    RAISE EXCEPTION 'SESSION_ENDED: session % has ended', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.fin <> OLD.fin
     OR NEW.certificate_serial IS DISTINCT FROM OLD.certificate_serial
     OR NEW.method IS DISTINCT FROM OLD.method
     OR NEW.created_at <> OLD.created_at OR NEW.expires_at <> OLD.expires_at THEN
    RAISE EXCEPTION 'SESSION_IMMUTABLE: % on user_sessions changes who or how long', TG_OP
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER user_sessions_guard
  BEFORE UPDATE ON user_sessions
  FOR EACH ROW EXECUTE FUNCTION hesabat_user_session_guard();
