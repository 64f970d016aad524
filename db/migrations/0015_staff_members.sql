CREATE TABLE "staff_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fin" text NOT NULL,
	"role" text NOT NULL,
	"local_body_code" text,
	"local_body_name" text,
	"active_from" timestamp with time zone NOT NULL,
	"active_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_staff_id" uuid,
	CONSTRAINT "staff_members_body_chk" CHECK (("staff_members"."role" = 'ADMIN') = ("staff_members"."local_body_code" is null) and ("staff_members"."local_body_code" is null) = ("staff_members"."local_body_name" is null)),
	CONSTRAINT "staff_members_period_chk" CHECK ("staff_members"."active_to" is null or "staff_members"."active_to" > "staff_members"."active_from")
);
--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_fin_registry_persons_fin_fk" FOREIGN KEY ("fin") REFERENCES "public"."registry_persons"("fin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_members_fin_idx" ON "staff_members" USING btree ("fin");--> statement-breakpoint
-- A staff account is never deleted, only ended (active_to): the audit log names it for good.
REVOKE DELETE, TRUNCATE ON staff_members FROM hesabat_app;
