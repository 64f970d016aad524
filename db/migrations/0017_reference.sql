ALTER TABLE "activity_codes" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "activity_codes" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "economic_class_codes" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "economic_class_codes" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "non_liable_income_reasons" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "non_liable_income_reasons" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "preferential_seniority_entries" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "preferential_seniority_entries" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "public_holidays" ADD COLUMN "cancelled_at" timestamp with time zone;