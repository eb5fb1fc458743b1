CREATE TYPE "public"."absence_kind" AS ENUM('vacation', 'sick', 'training', 'other');--> statement-breakpoint
CREATE TABLE "salon_special_days" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "salon_special_days_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"day" date NOT NULL,
	"hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_absences" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_absences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" "absence_kind" NOT NULL,
	"note" text,
	"all_day" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"weekday" smallint,
	"start_time" time,
	"end_time" time,
	"valid_from" date,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_absences_shape_check" CHECK (("staff_absences"."weekday" is null and "staff_absences"."starts_at" is not null and "staff_absences"."ends_at" > "staff_absences"."starts_at")
        or ("staff_absences"."weekday" between 1 and 7 and "staff_absences"."starts_at" is null and "staff_absences"."ends_at" is null
            and "staff_absences"."start_time" is not null and "staff_absences"."end_time" > "staff_absences"."start_time" and "staff_absences"."valid_from" is not null
            and ("staff_absences"."valid_until" is null or "staff_absences"."valid_until" >= "staff_absences"."valid_from")))
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "retell_llm_id" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "state" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "open_on_holidays" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "role" text DEFAULT 'admin' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "calcom_username" text;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "color" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "follow_up_reason" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "salon_special_days" ADD CONSTRAINT "salon_special_days_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_absences" ADD CONSTRAINT "staff_absences_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_absences" ADD CONSTRAINT "staff_absences_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "salon_special_days_company_day_key" ON "salon_special_days" USING btree ("company_id","day");--> statement-breakpoint
CREATE INDEX "salon_special_days_day_idx" ON "salon_special_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "staff_absences_staff_idx" ON "staff_absences" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "staff_absences_company_idx" ON "staff_absences" USING btree ("company_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('owner', 'admin'));--> statement-breakpoint
-- Absences and special days change what the voice agent may offer: they bump the catalog version like staff hours.
CREATE TRIGGER staff_absences_catalog_version AFTER INSERT OR UPDATE OR DELETE ON staff_absences FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();--> statement-breakpoint
CREATE TRIGGER salon_special_days_catalog_version AFTER INSERT OR UPDATE OR DELETE ON salon_special_days FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();--> statement-breakpoint
-- Every existing salon's first admin becomes its owner (may add and remove admins).
UPDATE users SET role = 'owner' WHERE id IN (SELECT DISTINCT ON (company_id) id FROM users ORDER BY company_id, created_at, id);
