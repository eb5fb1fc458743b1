import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { SyncLeaseLostError, withAppointmentSyncLock } from "@/lib/calcom/sync/run-lock";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { closeDb, getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { sql } from "drizzle-orm";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";
import { makeCompany } from "../../support/factories";

const NOW = new Date("2031-02-27T12:00:00Z");
const at = (hhmm: string) =>
  zonedInstant("2031-03-03", Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), "Europe/Berlin");

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());
afterEach(() => sim.faults.clear());

async function bookedPerm(start = "10:00") {
  const salon = await calcomSalon(sim);
  const { appointment } = await bookAppointment({
    ctx: salon.ctx,
    input: {
      serviceId: salon.perm.id,
      start: at(start),
      staffId: salon.anna.id,
      customer: { name: "Rita Lock", phone: "+4915112340001" },
      now: NOW,
    },
  });
  const inCalcom = () =>
    sim.state
      .listBookings({ apiKey: salon.apiKey })
      .filter((b) => b.metadata.crm_appointment_id === String(appointment.id));
  return { salon, id: appointment.id, inCalcom };
}

describe("one sync run per appointment at a time", () => {
  it("while a run holds the appointment, a second run does nothing and asks to come back later", async () => {
    const { salon, id, inCalcom } = await bookedPerm();
    const held = await withAppointmentSyncLock(id, () =>
      syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } }),
    );
    expect(held).toEqual({ ran: true, value: { outcome: "busy", retry: true, recovered: 0 } });
    expect(inCalcom()).toHaveLength(0);
    // Released: the next run books the four segments.
    expect(await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).toMatchObject({
      outcome: "synced",
    });
    expect(inCalcom()).toHaveLength(4);
  });

  it("six runs started at once for one appointment leave exactly one Cal.com booking per segment", async () => {
    const { salon, id, inCalcom } = await bookedPerm("14:00");
    // A slow Cal.com makes the runs overlap in time, as a retry next to an expired job would.
    sim.faults.set({ latencyMs: 150 });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } }),
      ),
    );
    expect(results.filter((r) => r.outcome === "synced").length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.outcome === "synced" || r.outcome === "busy")).toBe(true);
    expect(inCalcom().filter((b) => b.status !== "cancelled")).toHaveLength(4);
    expect(inCalcom()).toHaveLength(4);
    expect(results.filter((r) => r.outcome === "busy").length).toBeGreaterThanOrEqual(1);
  });
});

describe("a run whose lock died with its connection", () => {
  it("sends nothing more to Cal.com and concludes nothing; the next run completes without duplicates", async () => {
    const { salon, id, inCalcom } = await bookedPerm("11:00");
    const ctx = { ...salon.ctx, company: { ...salon.ctx.company, parallelCalcomBooking: false } };
    sim.faults.set({ latencyMs: 300 });
    const first = syncAppointment({ ctx, input: { appointmentId: id, verifyDelayMs: 0 } }).catch((e: unknown) => e);
    while (inCalcom().length === 0) await new Promise((r) => setTimeout(r, 20));
    // What a database restart does to the lock's session: the lock is gone with it.
    await getDb().execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
           where application_name = 'slotdesk-sync-locks' and datname = current_database()`,
    );
    const outcome = await first;
    expect(outcome).toBeInstanceOf(SyncLeaseLostError);
    // At most the request already on its way when the lock went; the remaining segments were not sent.
    expect(inCalcom().length).toBeLessThan(4);
    const [phases] = await Promise.all([
      getDb().execute<{ n: number }>(
        sql`select count(*)::int as n from appointment_phases where appointment_id = ${id} and calcom_sync_status = 'synced'`,
      ),
    ]);
    expect(phases[0]!.n).toBeLessThan(4);
    sim.faults.clear();
    expect(await syncAppointment({ ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).toMatchObject({
      outcome: "synced",
    });
    expect(inCalcom()).toHaveLength(4);
    expect(inCalcom().every((b) => b.status !== "cancelled")).toBe(true);
  });
});

describe("database limits of the app's connections", () => {
  afterEach(async () => {
    delete process.env.DB_STATEMENT_TIMEOUT_MS;
    delete process.env.DB_LOCK_TIMEOUT_MS;
    resetEnvCache();
    await closeDb();
  });

  it("statement, lock and idle-in-transaction timeouts are set on every pooled connection", async () => {
    const rows = await getDb().execute<{ name: string; setting: string }>(
      sql`select name, setting from pg_settings
           where name in ('statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout') order by name`,
    );
    expect(rows.map((r) => [r.name, r.setting])).toEqual([
      ["idle_in_transaction_session_timeout", "60000"],
      ["lock_timeout", "10000"],
      ["statement_timeout", "30000"],
    ]);
  });

  it("a statement that runs too long and a lock held too long end with an error instead of hanging", async () => {
    process.env.DB_STATEMENT_TIMEOUT_MS = "200";
    process.env.DB_LOCK_TIMEOUT_MS = "200";
    resetEnvCache();
    await closeDb();
    const slow = await getDb()
      .execute(sql`select pg_sleep(2)`)
      .catch((e: unknown) => e);
    expect((slow as { cause?: { code?: string }; code?: string }).cause?.code ?? (slow as { code?: string }).code).toBe(
      "57014",
    );
    // The lock wait on its own: a statement limit far above it.
    process.env.DB_STATEMENT_TIMEOUT_MS = "5000";
    resetEnvCache();
    await closeDb();
    const company = await makeCompany();
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await other.begin(async (tx) => {
        await tx`select id from companies where id = ${company.id} for update`;
        const blocked = await getDb()
          .execute(sql`update companies set name = name where id = ${company.id}`)
          .catch((e: unknown) => e);
        expect(
          (blocked as { cause?: { code?: string }; code?: string }).cause?.code ?? (blocked as { code?: string }).code,
        ).toBe("55P03");
      });
    } finally {
      await other.end();
    }
  });
});
