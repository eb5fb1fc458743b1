-- Search in the admin lists ("Suche nach Nummer oder Name") stays fast at 100 000 calls:
-- trigram indexes serve ILIKE '%…%' on names and phone numbers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_phone_trgm_idx" ON "customers" USING gin ("phone" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "calls_from_number_trgm_idx" ON "calls" USING gin ("from_number" gin_trgm_ops);
--> statement-breakpoint
-- Existing calls get the outcome their function calls show.
UPDATE "calls" c SET "outcome" = CASE
  WHEN EXISTS (SELECT 1 FROM "function_calls" f WHERE f."call_id" = c."id" AND f."name" = 'book_appointment' AND (f."result"->>'booked')::boolean) THEN 'booked'
  WHEN EXISTS (SELECT 1 FROM "function_calls" f WHERE f."call_id" = c."id" AND f."name" = 'reschedule_appointment' AND (f."result"->>'rescheduled')::boolean) THEN 'rescheduled'
  WHEN EXISTS (SELECT 1 FROM "function_calls" f WHERE f."call_id" = c."id" AND f."name" = 'cancel_appointment' AND (f."result"->>'cancelled')::boolean) THEN 'cancelled'
  WHEN EXISTS (SELECT 1 FROM "function_calls" f WHERE f."call_id" = c."id" AND f."name" = 'check_availability') THEN 'no_booking'
  ELSE 'info' END;
