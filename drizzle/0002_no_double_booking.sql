-- No two busy intervals of one staff member may overlap: appointments (span or staff-required
-- phases) and unexpired holds alike. This constraint, not application code, is what prevents
-- double booking; a violation is SQLSTATE 23P01 and surfaces as slot_taken.
-- tstzrange(a, b) is [a, b), so back-to-back appointments do not conflict.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- Appointments that existed before this table get their busy time (span, or staff-required
-- phases where the company allows gap booking). Existing double bookings make the constraint
-- below fail: they must be resolved before SlotDesk can guarantee anything.
INSERT INTO "staff_busy_intervals" ("company_id", "staff_id", "during", "kind", "appointment_id", "phase_id")
SELECT a."company_id", a."staff_id", tstzrange(a."starts_at", a."ends_at"), 'appointment'::busy_kind, a."id", NULL
  FROM "appointments" a JOIN "companies" c ON c."id" = a."company_id"
 WHERE a."status" <> 'cancelled' AND NOT c."allow_gap_booking"
   AND NOT EXISTS (SELECT 1 FROM "staff_busy_intervals" b WHERE b."appointment_id" = a."id")
UNION ALL
SELECT p."company_id", p."staff_id", tstzrange(p."start_time", p."end_time"), 'appointment'::busy_kind, p."appointment_id", p."id"
  FROM "appointment_phases" p JOIN "appointments" a ON a."id" = p."appointment_id" JOIN "companies" c ON c."id" = a."company_id"
 WHERE a."status" <> 'cancelled' AND c."allow_gap_booking" AND p."staff_required"
   AND NOT EXISTS (SELECT 1 FROM "staff_busy_intervals" b WHERE b."appointment_id" = a."id");
--> statement-breakpoint
ALTER TABLE "staff_busy_intervals"
  ADD CONSTRAINT "staff_busy_intervals_no_overlap"
  EXCLUDE USING gist ("staff_id" WITH =, "during" WITH &&);
--> statement-breakpoint
ALTER TABLE "staff_busy_intervals"
  ADD CONSTRAINT "staff_busy_intervals_not_empty" CHECK (NOT isempty("during") AND NOT lower_inf("during") AND NOT upper_inf("during"));
--> statement-breakpoint
CREATE INDEX "staff_busy_intervals_hold_expiry_idx" ON "staff_busy_intervals" ("expires_at") WHERE "kind" = 'hold';
