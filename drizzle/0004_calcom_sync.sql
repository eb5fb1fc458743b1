CREATE TABLE "calcom_webhook_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calcom_webhook_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"trigger_event" text NOT NULL,
	"booking_uid" text,
	"payload_hash" text NOT NULL,
	"payload" jsonb NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"appointment_id" bigint,
	"job_id" text,
	"kind" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"composite" boolean DEFAULT false NOT NULL,
	"outcome" text NOT NULL,
	"phases_total" integer DEFAULT 0 NOT NULL,
	"phases_synced" integer DEFAULT 0 NOT NULL,
	"recovered_by_verification" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "calcom_team_id" integer;--> statement-breakpoint
ALTER TABLE "calcom_webhook_events" ADD CONSTRAINT "calcom_webhook_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calcom_webhook_events_dedupe_uq" ON "calcom_webhook_events" USING btree ("company_id","payload_hash");--> statement-breakpoint
CREATE INDEX "calcom_webhook_events_uid_idx" ON "calcom_webhook_events" USING btree ("booking_uid");--> statement-breakpoint
CREATE INDEX "sync_runs_company_started_idx" ON "sync_runs" USING btree ("company_id","started_at");--> statement-breakpoint
CREATE INDEX "sync_runs_appointment_idx" ON "sync_runs" USING btree ("appointment_id");