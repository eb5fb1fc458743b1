ALTER TABLE "sync_runs" ADD COLUMN "trigger" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
-- Runs from before this column: a re-check was always an admin's.
UPDATE "sync_runs" SET "trigger" = 'admin' WHERE "kind" = 'reverify';
