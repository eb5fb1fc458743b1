import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { calcomSyncJob } from "@/jobs/calcom-sync";
import { actionError } from "@/lib/actions/action-state";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { checkEventTypes } from "@/lib/calcom/provisioning/check-event-types";
import { CALCOM_NOT_CONNECTED } from "@/lib/calcom/config";
import { latestCalcomCheck, runCalcomCheck } from "@/lib/calcom/sync/go-live-check";
import { reverifyAppointment } from "@/lib/calcom/sync/reverify";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { getSettings } from "@/lib/companies/get-settings";
import { getDb } from "@/lib/db/client";
import { appointments, syncAttempts, syncRuns } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { logger } from "@/lib/logger";
import { zonedInstant } from "@/lib/time/zoned";
import { startSim } from "../../support/calcom";
import { makeSalon } from "../../support/factories";

const NOW = new Date("2031-02-27T12:00:00Z");
const START = zonedInstant("2031-03-03", 10 * 60, "Europe/Berlin");
const customer = { name: "Siegfried Reu", phone: "+4915112345678" };

/** A production server with no Cal.com of its own and no simulator chosen. */
beforeEach(() => {
  vi.stubEnv("NODE_ENV", "production");
  for (const name of ["CALCOM_API_URL", "CALCOM_API_KEY", "CALCOM_SIMULATOR_URL"]) vi.stubEnv(name, "");
  resetEnvCache();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

async function bookedPerm() {
  const salon = await makeSalon();
  const input = { serviceId: salon.perm.id, start: START, staffId: salon.anna.id, customer, now: NOW };
  const { appointment } = await bookAppointment({ ctx: salon.ctx, input });
  return { salon, id: appointment.id };
}
const appointmentRow = async (id: number) =>
  (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;

describe("a company without Cal.com settings in production", () => {
  it("fails its sync at once as 'Cal.com nicht verbunden', for good, without sending anything", async () => {
    const { salon, id } = await bookedPerm();
    const input = { appointmentId: id, attempt: 1, verifyDelayMs: 0 };
    const result = await syncAppointment({ ctx: salon.ctx, input });
    expect(result).toEqual({ outcome: "failed", retry: false, recovered: 0 });
    const row = await appointmentRow(id);
    expect(row).toMatchObject({ calcomSyncStatus: "failed", syncErrorCode: "calcom_not_connected" });
    expect(row.requiresManualReview).toBe(true);
    expect(row.syncErrorMessage).toContain(CALCOM_NOT_CONNECTED);
    expect(CALCOM_NOT_CONNECTED).toBe("Cal.com nicht verbunden: In den Einstellungen API-URL und API-Key eintragen.");
    const runs = await getDb().select().from(syncRuns).where(eq(syncRuns.appointmentId, id));
    expect(runs.map((r) => [r.outcome, r.errorCode])).toEqual([["failed", "calcom_not_connected"]]);
    expect(await getDb().select().from(syncAttempts).where(eq(syncAttempts.appointmentId, id))).toEqual([]);
  });

  it("the sync job ends without handing the job back for a retry", async () => {
    const { salon, id } = await bookedPerm();
    const job = { jobId: crypto.randomUUID(), retryCount: 0, retryLimit: 5, log: logger };
    await expect(calcomSyncJob({ appointmentId: id, companyId: salon.company.id }, job)).resolves.toBeUndefined();
    expect(await appointmentRow(id)).toMatchObject({ syncErrorCode: "calcom_not_connected" });
  });

  it("says so in Einstellungen, the go-live check, the services health, and 'Sync erneut prüfen'", async () => {
    const { salon, id } = await bookedPerm();
    expect((await getSettings({ ctx: salon.ctx })).calcomSource).toBe("none");
    const check = await runCalcomCheck({ ctx: salon.ctx, input: { now: NOW } });
    const stepOne = { step: "Verbindung und API-Schlüssel", ok: false, detail: CALCOM_NOT_CONNECTED };
    expect(check).toEqual({ ok: false, steps: [stepOne] });
    expect(await latestCalcomCheck({ ctx: salon.ctx })).toMatchObject({ ok: false, steps: [stepOne] });
    const health = await checkEventTypes({ ctx: salon.ctx });
    expect(health).toMatchObject({ reachable: false, message: expect.stringContaining(CALCOM_NOT_CONNECTED) });
    const reverify = await reverifyAppointment({ ctx: salon.ctx, input: { appointmentId: id } }).catch((e) => e);
    expect(actionError(reverify)).toEqual({ ok: false, message: CALCOM_NOT_CONNECTED });
  });

  it("talks to the simulator only when CALCOM_SIMULATOR_URL names it", async () => {
    const sim = await startSim({ unknownApiKeys: "create-account" });
    try {
      const salon = await makeSalon();
      vi.stubEnv("CALCOM_SIMULATOR_URL", `${sim.url}/v2`);
      resetEnvCache();
      expect((await getSettings({ ctx: salon.ctx })).calcomSource).toBe("simulator");
      const check = await runCalcomCheck({ ctx: salon.ctx, input: { now: NOW } });
      expect(check.steps[0]).toMatchObject({ step: "Verbindung und API-Schlüssel", ok: true });
      expect(check.steps[0]!.detail).toContain("Cal.com-Simulator");
    } finally {
      await sim.stop();
    }
  });
});
