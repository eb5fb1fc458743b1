-- Folds a name for forgiving search: case, umlauts ("ü", "ue" and "u" alike), accents, ß and punctuation.
CREATE OR REPLACE FUNCTION slotdesk_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT btrim(regexp_replace(regexp_replace(
    translate(replace(lower(t), 'ß', 'ss'),
      'äöüáàâãåéèêëíìîïóòôõøúùûýÿñçćčšśžźżłğ',
      'aouaaaaaeeeeiiiiooooouuuyynccssszzzlg'),
    '([aou])e', '\1', 'g'), '[^a-z0-9]+', ' ', 'g'))
$$;--> statement-breakpoint
CREATE TYPE "public"."appointment_event_actor" AS ENUM('voice', 'admin', 'calcom', 'job', 'system');--> statement-breakpoint
CREATE TYPE "public"."appointment_event_kind" AS ENUM('created', 'moved', 'reassigned', 'cancelled', 'status', 'sync', 'note');--> statement-breakpoint
CREATE TABLE "appointment_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointment_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"appointment_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "appointment_event_kind" NOT NULL,
	"actor" "appointment_event_actor" NOT NULL,
	"user_id" text,
	"actor_label" text,
	"call_id" bigint,
	"from_starts_at" timestamp with time zone,
	"to_starts_at" timestamp with time zone,
	"from_staff_id" uuid,
	"to_staff_id" uuid,
	"from_status" text,
	"to_status" text,
	"note" text,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "person_group" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_name" text GENERATED ALWAYS AS (slotdesk_fold(name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "merged_into" bigint;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_from_staff_id_staff_id_fk" FOREIGN KEY ("from_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_to_staff_id_staff_id_fk" FOREIGN KEY ("to_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_events_appointment_idx" ON "appointment_events" USING btree ("appointment_id","at");--> statement-breakpoint
CREATE INDEX "appointment_events_call_idx" ON "appointment_events" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "appointment_events_company_at_idx" ON "appointment_events" USING btree ("company_id","at");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_merged_into_customers_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_person_group_idx" ON "staff" USING btree ("person_group") WHERE "staff"."person_group" is not null;--> statement-breakpoint
CREATE INDEX "customers_search_name_trgm_idx" ON "customers" USING gin ("search_name" gin_trgm_ops);
--> statement-breakpoint
-- One person, one calendar: while two staff records share a person_group (a flagged duplicate pair),
-- a busy row of one may not overlap a busy row of the other. The group's staff rows are locked in id
-- order first (lockStaff locks the same rows in the same order), then the check sees every committed
-- row; a conflict raises 23P01 like the per-record exclusion constraint, so callers treat both alike.
CREATE OR REPLACE FUNCTION staff_busy_person_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  grp uuid;
BEGIN
  SELECT person_group INTO grp FROM staff WHERE id = NEW.staff_id;
  IF grp IS NULL THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM staff WHERE person_group = grp ORDER BY id FOR NO KEY UPDATE;
  IF EXISTS (
    SELECT 1 FROM staff_busy_intervals b JOIN staff s ON s.id = b.staff_id
     WHERE s.person_group = grp AND b.staff_id <> NEW.staff_id AND b.id <> NEW.id AND b.during && NEW.during
       AND (b.kind = 'appointment' OR b.expires_at > now())
  ) THEN
    RAISE EXCLUSION_VIOLATION USING
      MESSAGE = 'staff record ' || NEW.staff_id || ' belongs to a person who is busy at ' || NEW.during,
      CONSTRAINT = 'staff_busy_intervals_person_guard';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER staff_busy_person_guard BEFORE INSERT OR UPDATE OF staff_id, during ON staff_busy_intervals
  FOR EACH ROW EXECUTE FUNCTION staff_busy_person_guard();--> statement-breakpoint
-- Existing same-named active records become one person (the app also links same e-mail or Cal.com user).
UPDATE staff s SET person_group = g.grp
  FROM (
    SELECT id, (min(id::text) OVER (PARTITION BY company_id, slotdesk_fold(name)))::uuid AS grp,
           count(*) OVER (PARTITION BY company_id, slotdesk_fold(name)) AS n
      FROM staff WHERE active AND merged_into IS NULL
  ) g
 WHERE g.id = s.id AND g.n > 1;