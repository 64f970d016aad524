CREATE TABLE "report_review_cache" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"inputs_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "draft_persons" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "draft_persons_m1" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "draft_persons_m2" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "draft_persons_m3" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_review_cache" ADD CONSTRAINT "report_review_cache_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_review_cache_employer_idx" ON "report_review_cache" USING btree ("employer_id","report_id");--> statement-breakpoint
-- Backfill: every editable report's counts from its rows, once (the change path keeps them after).
-- Sent reports are left alone: their row is the record of what was filed (migration 0011).
UPDATE "reports" SET
	"draft_persons" = c.n,
	"draft_persons_m1" = c.m1,
	"draft_persons_m2" = c.m2,
	"draft_persons_m3" = c.m3
FROM (
	SELECT "report_id", count(*)::int AS n, count("income_m1_qepik")::int AS m1,
		count("income_m2_qepik")::int AS m2, count("income_m3_qepik")::int AS m3
	FROM "report_persons" GROUP BY "report_id"
) c
WHERE c."report_id" = "reports"."id" AND "reports"."status" IN ('DRAFT', 'RETURNED');
