ALTER TABLE "reports" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "late" boolean;--> statement-breakpoint
-- Backfill: every sent report's deadline and late flag from its latest submission, once (the
-- sending path writes them with each submission after). A sent report's row is otherwise fixed
-- (hesabat_sent_report_guard, migration 0011): these two columns did not exist when it was
-- sent, and they copy what its submission already records, so the guard steps aside for this
-- one statement only.
ALTER TABLE "reports" DISABLE TRIGGER "reports_sent_guard";--> statement-breakpoint
UPDATE "reports" SET "due_date" = l."due_date", "late" = l."late"
FROM (
	SELECT DISTINCT ON ("report_id") "report_id", "due_date", "late"
	FROM "submissions" ORDER BY "report_id", "received_at" DESC
) l
WHERE l."report_id" = "reports"."id";--> statement-breakpoint
ALTER TABLE "reports" ENABLE TRIGGER "reports_sent_guard";--> statement-breakpoint
CREATE INDEX "employers_body_name_idx" ON "employers" USING btree ("local_body_code","name","id");--> statement-breakpoint
CREATE INDEX "reports_employer_queue_idx" ON "reports" USING btree ("employer_id","status","year","quarter","due_date","late","decided_at","sent_at","id");