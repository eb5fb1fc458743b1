import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { retrySyncAction, reverifyAction } from "@/app/(admin)/sync/actions";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { adminRequest, signInAs } from "../../support/admin-session";
import { calcomSalon, startSim } from "../../support/calcom";
import { makeSalon } from "../../support/factories";

vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);

const NOW = new Date("2031-02-27T12:00:00Z");
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant("2031-03-03", h! * 60 + m!, "Europe/Berlin");
};
let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.faults.clear();
  signInAs(null);
});

type Salon = Awaited<ReturnType<typeof calcomSalon>> | Awaited<ReturnType<typeof makeSalon>>;
async function book(salon: Salon, time: string, serviceId = salon.perm.id) {
  const customer = { name: "Siegfried Reu", phone: "+4915100001111" };
  const input = { serviceId, start: at(time), staffId: salon.anna.id, customer, now: NOW };
  return (await bookAppointment({ ctx: salon.ctx, input })).appointment.id;
}
/** Booked in Cal.com, but marked failed: Cal.com answered 400 after creating (appointment 762). */
async function failedButBooked(salon: Awaited<ReturnType<typeof calcomSalon>>, time: string) {
  const id = await book(salon, time);
  sim.faults.set({ createThen400: Infinity });
  await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
  sim.faults.clear();
  return id;
}
const row = async (id: number) => (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;
/** Booking queued a sync job already; the retry tests start without it to see their own. */
const dropJobs = (ids: number[]) =>
  getDb().execute(sql`delete from pgboss.job where (data->>'appointmentId')::int in (${sql.join(ids, sql`, `)})`);
const jobsFor = async (queue: string, ids: number[]) => {
  const rows = await getDb().execute<{ id: number }>(
    sql`select (data->>'appointmentId')::int as id from pgboss.job where name = ${queue} and state = 'created'`,
  );
  return rows
    .map((r) => r.id)
    .filter((id) => ids.includes(id))
    .sort((a, b) => a - b);
};

describe("Sync erneut prüfen: one action for the appointment page and the Sync-Monitor", () => {
  it("one appointment is checked at once: all found → synced, with the page's wording", async () => {
    const salon = await calcomSalon(sim, { verification: false });
    const id = await failedButBooked(salon, "10:00");
    expect(await row(id)).toMatchObject({ calcomSyncStatus: "failed", requiresManualReview: true });
    signInAs(salon.company.id);
    expect(await reverifyAction([id])).toEqual({
      ok: true,
      message: "Alle 4 Segmente in Cal.com gefunden – der Termin ist synchronisiert.",
    });
    expect(await row(id)).toMatchObject({ calcomSyncStatus: "synced", requiresManualReview: false });
    expect(adminRequest.revalidated).toEqual([`/appointments/${id}`, "/appointments", "/sync", "/"]);
  });

  it("a booking missing in Cal.com: how many were found, and what „Erneut synchronisieren“ does", async () => {
    const salon = await calcomSalon(sim);
    const id = await book(salon, "10:00");
    await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
    const phases = await getDb().select().from(appointmentPhases).where(eq(appointmentPhases.appointmentId, id));
    sim.state.deleteBooking(phases.find((p) => p.calcomBookingUid)!.calcomBookingUid!);
    signInAs(salon.company.id);
    expect(await reverifyAction([id])).toEqual({
      ok: false,
      message: "3 von 4 Segmenten in Cal.com gefunden. „Erneut synchronisieren“ legt die fehlenden an.",
    });
  });

  it("a selection goes to the background: one calcom-reverify job per own appointment", async () => {
    const salon = await makeSalon();
    const [a, b] = [await book(salon, "10:00"), await book(salon, "14:00")];
    const foreign = await book(await makeSalon(), "10:00");
    signInAs(salon.company.id);
    expect(await reverifyAction([a, b, foreign])).toEqual({
      ok: true,
      message: "2 Termine werden im Hintergrund geprüft. Die Liste aktualisiert sich gleich.",
    });
    expect(await jobsFor("calcom-reverify", [a, b, foreign])).toEqual([a, b]);
  });
});

describe("Erneut synchronisieren: one verb and one action for one appointment or a selection", () => {
  it("one appointment: sync job queued, review flag kept until the sync concludes, the page's wording", async () => {
    const salon = await makeSalon();
    const id = await book(salon, "10:00");
    const flagged = { requiresManualReview: true, calcomSyncStatus: "failed" } as const;
    await getDb().update(appointments).set(flagged).where(eq(appointments.id, id));
    await dropJobs([id]);
    signInAs(salon.company.id);
    expect(await retrySyncAction([id])).toEqual({
      ok: true,
      message: "Wird erneut synchronisiert. Das Ergebnis erscheint in wenigen Sekunden beim Status.",
    });
    expect(await row(id)).toMatchObject({ calcomSyncStatus: "pending", requiresManualReview: true });
    expect(await jobsFor("calcom-sync", [id])).toEqual([id]);
    // The job says who asked: the Sync-Monitor counts what it rescues as manual.
    const [job] = await getDb().execute<{ trigger: string }>(
      sql`select data->>'trigger' as trigger from pgboss.job
           where name = 'calcom-sync' and state = 'created' and (data->>'appointmentId')::int = ${id}`,
    );
    expect(job?.trigger).toBe("admin");
  });

  it("a selection counts only the company's own appointments; none of them is not found", async () => {
    const salon = await makeSalon();
    const [a, b] = [await book(salon, "10:00"), await book(salon, "14:00")];
    const other = await makeSalon();
    const foreign = await book(other, "10:00");
    await getDb().update(appointments).set({ requiresManualReview: true }).where(eq(appointments.id, foreign));
    await dropJobs([a, b, foreign]);
    signInAs(salon.company.id);
    const state = await retrySyncAction([a, b, foreign]);
    expect(state).toEqual({
      ok: true,
      message: "2 Termine werden erneut synchronisiert. Die Ergebnisse erscheinen in wenigen Sekunden.",
    });
    expect(await jobsFor("calcom-sync", [a, b, foreign])).toEqual([a, b]);
    expect(await retrySyncAction([foreign])).toEqual({
      ok: false,
      message: "Nicht gefunden – vielleicht wurde es gerade gelöscht.",
      sessionExpired: false,
    });
    expect(await row(foreign)).toMatchObject({ requiresManualReview: true });
  });

  it("without a session nothing is queued or cleared", async () => {
    const salon = await makeSalon();
    const id = await book(salon, "10:00");
    await getDb().update(appointments).set({ requiresManualReview: true }).where(eq(appointments.id, id));
    await dropJobs([id]);
    expect(await retrySyncAction([id])).toMatchObject({ ok: false, sessionExpired: true });
    expect(await reverifyAction([id, id + 1])).toMatchObject({ ok: false, sessionExpired: true });
    expect(await row(id)).toMatchObject({ requiresManualReview: true });
    expect(await jobsFor("calcom-sync", [id])).toEqual([]);
    expect(await jobsFor("calcom-reverify", [id])).toEqual([]);
  });
});
