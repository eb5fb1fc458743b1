CREATE TABLE "retell_agent_holders" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"first_held_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retell_agent_sightings" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"retell_call_id" text
);
--> statement-breakpoint
ALTER TABLE "retell_agent_holders" ADD CONSTRAINT "retell_agent_holders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Agents held today are held from now on.
INSERT INTO "retell_agent_holders" ("agent_id", "company_id")
SELECT "retell_agent_id", "id" FROM "companies" WHERE "retell_agent_id" IS NOT NULL;
--> statement-breakpoint
-- Whatever sets a company's agent id (admin, operator script, seed), an id another company has held is refused.
CREATE FUNCTION slotdesk_retell_agent_holder() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  holder uuid;
BEGIN
  IF NEW.retell_agent_id IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO retell_agent_holders (agent_id, company_id) VALUES (NEW.retell_agent_id, NEW.id)
    ON CONFLICT (agent_id) DO NOTHING;
  SELECT company_id INTO holder FROM retell_agent_holders WHERE agent_id = NEW.retell_agent_id;
  IF holder IS DISTINCT FROM NEW.id THEN
    RAISE EXCEPTION 'Retell agent % belongs to another company', NEW.retell_agent_id
      USING ERRCODE = '23505', CONSTRAINT = 'retell_agent_holders_pkey';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER companies_retell_agent_holder AFTER INSERT OR UPDATE OF retell_agent_id ON companies
  FOR EACH ROW EXECUTE FUNCTION slotdesk_retell_agent_holder();
