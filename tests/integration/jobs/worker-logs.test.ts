import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getDb } from "@/lib/db/client";
import { appointments } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

const root = path.resolve(import.meta.dirname, "../../..");
let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

describe("structured logs", () => {
  it("the worker writes JSON lines carrying jobId and appointmentId for a sync job", async () => {
    const salon = await calcomSalon(sim);
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.perm.id,
        start: zonedInstant("2031-03-03", 600, "Europe/Berlin"),
        staffId: salon.anna.id,
        customer: { name: "Log" },
        now: new Date("2031-02-27T12:00:00Z"),
      },
    });
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "jobs/worker.ts"], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "info", SLOTDESK_PROCESS: "worker" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
        if (row!.calcomSyncStatus === "synced" && out.includes("calcom-sync done")) break;
        if (Date.now() > deadline) throw new Error(`not synced; worker said:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.every((l) => l.service === "worker" && typeof l.time === "string" && typeof l.msg === "string")).toBe(
      true,
    );
    const aboutAppointment = lines.filter((l) => l.appointmentId === appointment.id);
    expect(aboutAppointment.map((l) => l.msg)).toEqual(
      expect.arrayContaining(["calcom sync finished", "calcom-sync done"]),
    );
    expect(aboutAppointment.every((l) => typeof l.jobId === "string")).toBe(true);
  }, 60_000);
});
