import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { reverifyAction } from "@/app/(admin)/sync/actions";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, syncRuns } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { signInAs } from "../../support/admin-session";
import { calcomSalon, startSim } from "../../support/calcom";

vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);

const NOW = new Date("2031-02-27T12:00:00Z");
let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());
beforeEach(() => sim.faults.clear());

/** Synced, then one of its Cal.com bookings disappears: a re-check finds 3 of 4 segments. */
async function oneBookingGone(time: number) {
  const salon = await calcomSalon(sim);
  const customer = { name: "Siegfried Reu", phone: "+4915100001111" };
  const start = zonedInstant("2031-03-03", time * 60, "Europe/Berlin");
  const input = { serviceId: salon.perm.id, start, staffId: salon.anna.id, customer, now: NOW };
  const id = (await bookAppointment({ ctx: salon.ctx, input })).appointment.id;
  await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
  const phases = await getDb().select().from(appointmentPhases).where(eq(appointmentPhases.appointmentId, id));
  sim.state.deleteBooking(phases.find((p) => p.calcomBookingUid)!.calcomBookingUid!);
  return { salon, id };
}
const row = async (id: number) => (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;

describe("Sync erneut prüfen keeps a structural cause and answers with the state it left", () => {
  it("a managed parent event type stays the cause; the advice points to the Leistungen, not to a retry", async () => {
    const { salon, id } = await oneBookingGone(10);
    const managed = "Der Cal.com-Ereignistyp 7 ist ein übergeordneter verwalteter Ereignistyp.";
    await getDb()
      .update(appointments)
      .set({ calcomSyncStatus: "partial", syncErrorCode: "calcom_managed_parent", syncErrorMessage: managed })
      .where(eq(appointments.id, id));
    signInAs(salon.company.id);
    const state = await reverifyAction([id]);
    expect(state).toEqual({
      ok: false,
      message:
        "3 von 4 Segmenten in Cal.com gefunden. Ursache: Event-Typ falsch zugeordnet. Unter Leistungen die Cal.com-Event-Typen prüfen und neu zuordnen, dann „Erneut synchronisieren“.",
    });
    expect(await row(id)).toMatchObject({
      calcomSyncStatus: "partial",
      syncErrorCode: "calcom_managed_parent",
      syncErrorMessage: managed,
      requiresManualReview: true,
    });
  });

  it("an earlier re-check that overwrote the cause: the last sync run still knows it", async () => {
    const { salon, id } = await oneBookingGone(10);
    const managed = "Der Cal.com-Ereignistyp 7 ist ein übergeordneter verwalteter Ereignistyp.";
    await getDb()
      .insert(syncRuns)
      .values({
        companyId: salon.company.id,
        appointmentId: id,
        kind: "sync",
        outcome: "partial",
        errorCode: "calcom_managed_parent",
        errorMessage: managed,
        startedAt: new Date(Date.now() + 1000),
        durationMs: 10,
      });
    await getDb()
      .update(appointments)
      .set({ syncErrorCode: "calcom_missing", syncErrorMessage: "1 von 4 Segmenten ist in Cal.com nicht vorhanden." })
      .where(eq(appointments.id, id));
    signInAs(salon.company.id);
    const state = await reverifyAction([id]);
    expect(state?.message).toContain("Ursache: Event-Typ falsch zugeordnet.");
    expect(state?.message).not.toContain("legt");
    expect(await row(id)).toMatchObject({ syncErrorCode: "calcom_managed_parent", syncErrorMessage: managed });
  });

  it("without a known cause the advice stays: „Erneut synchronisieren“ creates the missing one", async () => {
    const { salon, id } = await oneBookingGone(14);
    signInAs(salon.company.id);
    expect(await reverifyAction([id])).toEqual({
      ok: false,
      message: "3 von 4 Segmenten in Cal.com gefunden. „Erneut synchronisieren“ legt die fehlenden an.",
    });
    expect(await row(id)).toMatchObject({ syncErrorCode: "calcom_missing" });
  });
});
