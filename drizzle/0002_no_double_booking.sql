-- No two busy intervals of one staff member may overlap: appointments (span or staff-required
-- phases) and unexpired holds alike. This constraint, not application code, is what prevents
-- double booking; a violation is SQLSTATE 23P01 and surfaces as slot_taken.
-- tstzrange(a, b) is [a, b), so back-to-back appointments do not conflict.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "staff_busy_intervals"
  ADD CONSTRAINT "staff_busy_intervals_no_overlap"
  EXCLUDE USING gist ("staff_id" WITH =, "during" WITH &&);
--> statement-breakpoint
ALTER TABLE "staff_busy_intervals"
  ADD CONSTRAINT "staff_busy_intervals_not_empty" CHECK (NOT isempty("during") AND NOT lower_inf("during") AND NOT upper_inf("during"));
--> statement-breakpoint
CREATE INDEX "staff_busy_intervals_hold_expiry_idx" ON "staff_busy_intervals" ("expires_at") WHERE "kind" = 'hold';
