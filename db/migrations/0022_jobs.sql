CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"employer_id" uuid NOT NULL,
	"report_id" uuid,
	"status" text DEFAULT 'RUNNING' NOT NULL,
	"stage" text NOT NULL,
	"counts" jsonb DEFAULT '{"read":0,"checked":0,"saved":0}'::jsonb NOT NULL,
	"total" integer,
	"error_code" text,
	"result" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_finished" CHECK (("jobs"."status" = 'RUNNING') = ("jobs"."finished_at" is null))
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_employer_report_idx" ON "jobs" USING btree ("employer_id","report_id","kind","started_at");