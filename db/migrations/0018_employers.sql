CREATE TABLE "message_handled" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_handled" ADD CONSTRAINT "message_handled_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_handled" ADD CONSTRAINT "message_handled_thread_fk" FOREIGN KEY ("employer_id","thread_id") REFERENCES "public"."messages"("employer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_handled_thread_idx" ON "message_handled" USING btree ("employer_id","thread_id","handled_at");--> statement-breakpoint
-- That a staff member marked a thread handled is a record of the fund's work: added, never
-- changed or removed (the function of migration 0001; the grant rule of 0011/0013).
CREATE TRIGGER message_handled_append_only
  BEFORE UPDATE OR DELETE ON message_handled
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER message_handled_no_truncate
  BEFORE TRUNCATE ON message_handled
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON message_handled FROM hesabat_app;
