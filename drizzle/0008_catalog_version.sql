ALTER TABLE "companies" ADD COLUMN "catalog_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Any change to what the voice agent reads about a company (services, their segments, staff,
-- working hours, who performs what) bumps the company's catalog version in the same transaction.
CREATE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE companies SET catalog_version = catalog_version + 1 WHERE id = OLD.company_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.company_id IS DISTINCT FROM OLD.company_id) THEN
    UPDATE companies SET catalog_version = catalog_version + 1 WHERE id = NEW.company_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER services_catalog_version AFTER INSERT OR UPDATE OR DELETE ON services FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER service_segments_catalog_version AFTER INSERT OR UPDATE OR DELETE ON service_segments FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER staff_catalog_version AFTER INSERT OR UPDATE OR DELETE ON staff FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER staff_working_hours_catalog_version AFTER INSERT OR UPDATE OR DELETE ON staff_working_hours FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER staff_services_catalog_version AFTER INSERT OR UPDATE OR DELETE ON staff_services FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
