DROP INDEX "customers_company_phone_uq";--> statement-breakpoint
DROP INDEX "appointments_idempotency_uq";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "possible_duplicate_of" bigint;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_possible_duplicate_of_customers_id_fk" FOREIGN KEY ("possible_duplicate_of") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_company_phone_idx" ON "customers" USING btree ("company_id","phone");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_idempotency_uq" ON "appointments" USING btree ("company_id","idempotency_key") WHERE "appointments"."status" <> 'cancelled';