-- The double-booking guarantee, tenant first: the exclusion constraint (0002) and its GiST index lead
-- with company_id. Same rule — a staff member belongs to one company — and the shape a database
-- distributed by company (Citus) requires of an exclusion constraint; the busy-time queries filter by
-- company first (lib/booking/busy.ts). The person guard (0013) reads only its company's rows.
ALTER TABLE "staff_busy_intervals" DROP CONSTRAINT "staff_busy_intervals_no_overlap",
  ADD CONSTRAINT "staff_busy_intervals_no_overlap"
  EXCLUDE USING gist ("company_id" WITH =, "staff_id" WITH =, "during" WITH &&);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION staff_busy_person_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  grp uuid;
BEGIN
  SELECT person_group INTO grp FROM staff WHERE company_id = NEW.company_id AND id = NEW.staff_id;
  IF grp IS NULL THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM staff WHERE company_id = NEW.company_id AND person_group = grp ORDER BY id FOR NO KEY UPDATE;
  IF EXISTS (
    SELECT 1 FROM staff_busy_intervals b JOIN staff s ON s.company_id = b.company_id AND s.id = b.staff_id
     WHERE b.company_id = NEW.company_id AND s.person_group = grp AND b.staff_id <> NEW.staff_id AND b.id <> NEW.id
       AND b.during && NEW.during AND (b.kind = 'appointment' OR b.expires_at > now())
  ) THEN
    RAISE EXCLUSION_VIOLATION USING
      MESSAGE = 'staff record ' || NEW.staff_id || ' belongs to a person who is busy at ' || NEW.during,
      CONSTRAINT = 'staff_busy_intervals_person_guard';
  END IF;
  RETURN NEW;
END
$$;
