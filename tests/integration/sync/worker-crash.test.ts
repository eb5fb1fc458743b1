import { spawn } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

const root = path.resolve(import.meta.dirname, "../../..");
let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const startWorker = () => {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "jobs/worker.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "silent", CALCOM_VERIFY_DELAY_MS: "0" },
    stdio: "ignore",
  });
  return { child, exited: new Promise<void>((resolve) => child.on("exit", () => resolve())) };
};

describe("a worker killed mid-sync", () => {
  it("leaves exactly one Cal.com booking per phase after the job runs again", async () => {
    const salon = await calcomSalon(sim);
    const start = zonedInstant("2031-03-03", 10 * 60, "Europe/Berlin");
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.perm.id,
        start,
        staffId: salon.anna.id,
        customer: { name: "Crash Test" },
        now: new Date("2031-02-27T12:00:00Z"),
      },
    });
    const ours = () =>
      sim.state
        .listBookings({ apiKey: salon.apiKey })
        .filter((b) => b.metadata.crm_appointment_id === String(appointment.id));

    // Hold the phase rows: the worker's bookings reach Cal.com but it cannot record their uids.
    // It dies while still waiting for the lock, exactly between Cal.com's answer and our commit.
    const blocker = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    let first: ReturnType<typeof startWorker> | undefined;
    await blocker.begin(async (tx) => {
      await tx`select id from appointment_phases where appointment_id = ${appointment.id} for update`;
      first = startWorker();
      await until(() => (ours().length === 4 ? true : undefined));
      first.child.kill("SIGKILL");
      await first.exited;
    });
    await blocker.end();

    const uidsBefore = await getDb()
      .select({ uid: appointmentPhases.calcomBookingUid })
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, appointment.id));
    expect(uidsBefore.filter((p) => p.uid !== null)).toEqual([]);

    // What pg-boss does once the dead worker's job expires: back to retry, picked up by a new worker.
    await getDb().execute(
      sql`update pgboss.job set state = 'retry', start_after = now() where name = 'calcom-sync' and data->>'appointmentId' = ${String(appointment.id)} and state = 'active'`,
    );
    const second = startWorker();
    try {
      await until(async () => {
        const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
        return row!.calcomSyncStatus === "synced" ? row : undefined;
      });
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
    const bookings = ours();
    expect(bookings).toHaveLength(4);
    expect(new Set(bookings.map((b) => b.metadata.crm_phase_id)).size).toBe(4);
    const phases = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, appointment.id));
    expect(
      phases
        .filter((p) => p.staffRequired)
        .map((p) => p.calcomBookingUid)
        .sort(),
    ).toEqual(bookings.map((b) => b.uid).sort());
  }, 90_000);
});
