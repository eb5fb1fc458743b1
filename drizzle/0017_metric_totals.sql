CREATE TABLE "metric_calcom_requests" (
	"company_id" uuid NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"le_ms" integer,
	"requests" bigint DEFAULT 0 NOT NULL,
	"sum_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_calcom_requests_key" UNIQUE NULLS NOT DISTINCT("company_id","action","status","le_ms")
);
--> statement-breakpoint
CREATE TABLE "metric_function_calls" (
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"result" text NOT NULL,
	"le_ms" integer,
	"calls" bigint DEFAULT 0 NOT NULL,
	"sum_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_function_calls_key" UNIQUE NULLS NOT DISTINCT("company_id","name","result","le_ms")
);
--> statement-breakpoint
CREATE TABLE "metric_sync_runs" (
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"composite" boolean NOT NULL,
	"le_ms" integer,
	"runs" bigint DEFAULT 0 NOT NULL,
	"recovered_by_verification" bigint DEFAULT 0 NOT NULL,
	"sum_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_sync_runs_key" UNIQUE NULLS NOT DISTINCT("company_id","kind","action","outcome","composite","le_ms")
);
--> statement-breakpoint
ALTER TABLE "metric_calcom_requests" ADD CONSTRAINT "metric_calcom_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_function_calls" ADD CONSTRAINT "metric_function_calls_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_sync_runs" ADD CONSTRAINT "metric_sync_runs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_unsynced_idx" ON "appointments" USING btree ("calcom_sync_status") WHERE "appointments"."status" = 'confirmed' and "appointments"."calcom_sync_status" <> 'synced';