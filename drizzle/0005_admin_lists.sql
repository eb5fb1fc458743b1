DROP INDEX "appointments_company_sync_idx";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "outcome" text DEFAULT 'info' NOT NULL;--> statement-breakpoint
CREATE INDEX "calls_company_outcome_idx" ON "calls" USING btree ("company_id","outcome","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "appointments_review_idx" ON "appointments" USING btree ("company_id","starts_at") WHERE "appointments"."requires_manual_review";--> statement-breakpoint
CREATE INDEX "appointments_company_sync_idx" ON "appointments" USING btree ("company_id","calcom_sync_status","starts_at");