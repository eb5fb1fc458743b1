import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";

const columns = async (table: string) => {
  const rows = await getDb().execute<{ column_name: string; data_type: string }>(
    sql`select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = ${table}`,
  );
  return Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
};

describe("data model", () => {
  it("keeps the original system's appointment and phase column names", async () => {
    const appointment = await columns("appointments");
    for (const name of [
      "starts_at",
      "ends_at",
      "status",
      "calcom_v2_booking_id",
      "calcom_v2_booking_uid",
      "calcom_sync_status",
      "sync_verified_at",
      "sync_error_code",
      "sync_error_message",
      "requires_manual_review",
      "company_id",
      "customer_id",
      "service_id",
      "staff_id",
      "call_id",
      "idempotency_key",
      "created_at",
      "updated_at",
    ])
      expect(appointment, name).toHaveProperty(name);
    const phase = await columns("appointment_phases");
    for (const name of [
      "segment_key",
      "segment_name",
      "start_time",
      "end_time",
      "duration_minutes",
      "staff_required",
      "sequence_order",
      "calcom_booking_id",
      "calcom_booking_uid",
      "calcom_event_type_id",
      "calcom_metadata",
      "calcom_sync_status",
      "sync_error_message",
    ])
      expect(phase, name).toHaveProperty(name);
    expect(phase.calcom_metadata).toBe("jsonb");
  });

  it("stores every instant as timestamptz", async () => {
    const rows = await getDb().execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
       where table_schema = 'public' and data_type = 'timestamp without time zone'`);
    expect(rows).toEqual([]);
  });

  it("gives every tenant-owned table its company", async () => {
    const rows = await getDb().execute<{ table_name: string }>(sql`
      select t.table_name from information_schema.tables t
       where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
         -- Global by design: login throttles count before any company is known, agent sightings are of
         -- agents no company holds yet.
         and t.table_name not in ('companies', 'sessions', 'accounts', 'verifications', '__drizzle_migrations',
                                  'login_throttles', 'retell_agent_sightings')
         and not exists (select 1 from information_schema.columns c
                          where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'company_id')`);
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });

  it("leads the double-booking constraint with the company, as a database distributed by company needs", async () => {
    const [row] = await getDb().execute<{ def: string }>(sql`
      select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'staff_busy_intervals_no_overlap'`);
    expect(row?.def).toBe("EXCLUDE USING gist (company_id WITH =, staff_id WITH =, during WITH &&)");
  });

  it("installs the job queue schema", async () => {
    const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from pgboss.version`);
    expect(row!.n).toBe(1);
  });
});
