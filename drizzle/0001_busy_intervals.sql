CREATE TYPE "public"."busy_kind" AS ENUM('appointment', 'hold');--> statement-breakpoint
CREATE TABLE "staff_busy_intervals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_busy_intervals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"during" "tstzrange" NOT NULL,
	"kind" "busy_kind" NOT NULL,
	"appointment_id" bigint,
	"phase_id" bigint,
	"hold_id" bigint,
	"expires_at" timestamp with time zone,
	CONSTRAINT "staff_busy_intervals_owner_check" CHECK (("staff_busy_intervals"."kind" = 'appointment' and "staff_busy_intervals"."appointment_id" is not null and "staff_busy_intervals"."hold_id" is null)
       or ("staff_busy_intervals"."kind" = 'hold' and "staff_busy_intervals"."hold_id" is not null and "staff_busy_intervals"."expires_at" is not null and "staff_busy_intervals"."appointment_id" is null))
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "sync_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_busy_intervals" ADD CONSTRAINT "staff_busy_intervals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_busy_intervals" ADD CONSTRAINT "staff_busy_intervals_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_busy_intervals" ADD CONSTRAINT "staff_busy_intervals_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_busy_intervals" ADD CONSTRAINT "staff_busy_intervals_phase_id_appointment_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."appointment_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_busy_intervals" ADD CONSTRAINT "staff_busy_intervals_hold_id_slot_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."slot_holds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_busy_intervals_appointment_idx" ON "staff_busy_intervals" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "staff_busy_intervals_hold_idx" ON "staff_busy_intervals" USING btree ("hold_id");