import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments } from "@/lib/db/schema";
import { reconcileUpcoming } from "@/lib/calcom/sync/reconcile";
import { reverifyAppointment } from "@/lib/calcom/sync/reverify";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

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
beforeEach(() => sim.faults.clear());

async function syncedPerm(salon: Awaited<ReturnType<typeof calcomSalon>>, start = at("10:00")) {
  const { appointment } = await bookAppointment({
    ctx: salon.ctx,
    input: {
      serviceId: salon.perm.id,
      start,
      staffId: salon.anna.id,
      customer: { name: "Erika", phone: "+4915100001111" },
      now: NOW,
    },
  });
  await syncAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, verifyDelayMs: 0 } });
  return appointment.id;
}
const row = async (id: number) => (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;

describe("Sync erneut prüfen (re-verify)", () => {
  it("repairs an appointment marked failed whose bookings exist in Cal.com (appointment 762, automatically)", async () => {
    const salon = await calcomSalon(sim, { verification: false });
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.perm.id,
        start: at("10:00"),
        staffId: salon.anna.id,
        customer: { name: "Siegfried Reu" },
        now: NOW,
      },
    });
    sim.faults.set({ createThen400: Infinity });
    await syncAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, verifyDelayMs: 0 } });
    sim.faults.clear();
    expect(await row(appointment.id)).toMatchObject({ calcomSyncStatus: "failed", requiresManualReview: true });

    const result = await reverifyAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id } });
    expect(result).toEqual({ status: "synced", found: 4, total: 4, recovered: 4, errorCode: null, cancelled: false });
    const repaired = await row(appointment.id);
    expect(repaired).toMatchObject({
      calcomSyncStatus: "synced",
      requiresManualReview: false,
      syncErrorCode: null,
      syncErrorMessage: null,
    });
    expect(repaired.syncVerifiedAt).not.toBeNull();
    const phases = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, appointment.id));
    expect(
      phases.filter((p) => p.staffRequired).every((p) => p.calcomSyncStatus === "synced" && p.calcomBookingUid),
    ).toBe(true);
  });

  it("finds a booking deleted behind our back and flags the appointment (without creating anything)", async () => {
    const salon = await calcomSalon(sim);
    const id = await syncedPerm(salon);
    const [, , phaseB] = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, id))
      .orderBy(appointmentPhases.sequenceOrder);
    sim.state.deleteBooking(phaseB!.calcomBookingUid!);
    const result = await reverifyAppointment({ ctx: salon.ctx, input: { appointmentId: id } });
    expect(result).toMatchObject({ status: "partial", found: 3, total: 4 });
    expect(await row(id)).toMatchObject({
      calcomSyncStatus: "partial",
      requiresManualReview: true,
      syncErrorCode: "calcom_missing",
    });
    const [again] = await getDb().select().from(appointmentPhases).where(eq(appointmentPhases.id, phaseB!.id));
    expect(again).toMatchObject({ calcomSyncStatus: "failed", calcomBookingUid: null });
    expect(sim.state.listBookings({ apiKey: salon.apiKey })).toHaveLength(3);
  });
});

describe("reconciliation of upcoming appointments", () => {
  it("flags bookings cancelled, moved or gone in Cal.com and leaves matching ones alone", async () => {
    const salon = await calcomSalon(sim);
    const fine = await syncedPerm(salon, at("09:00"));
    const gone = await syncedPerm(salon, at("12:00"));
    const cancelled = await syncedPerm(salon, at("14:30"));
    const phaseOf = async (id: number) =>
      (
        await getDb()
          .select()
          .from(appointmentPhases)
          .where(eq(appointmentPhases.appointmentId, id))
          .orderBy(appointmentPhases.sequenceOrder)
      )[0]!;
    sim.state.deleteBooking((await phaseOf(gone)).calcomBookingUid!);
    sim.state.cancelBookingExternally((await phaseOf(cancelled)).calcomBookingUid!, "Kundin hat abgesagt");
    const result = await reconcileUpcoming({ ctx: salon.ctx, input: { now: NOW } });
    expect(result.checked).toBe(3);
    expect(result.flagged.sort((a, b) => a.appointmentId - b.appointmentId)).toEqual([
      { appointmentId: gone, problem: "missing" },
      { appointmentId: cancelled, problem: "cancelled" },
    ]);
    expect(await row(fine)).toMatchObject({ calcomSyncStatus: "synced", requiresManualReview: false });
    expect(await row(gone)).toMatchObject({
      calcomSyncStatus: "partial",
      requiresManualReview: true,
      syncErrorCode: "calcom_missing",
    });
    expect(await row(cancelled)).toMatchObject({ requiresManualReview: true, syncErrorCode: "calcom_cancelled" });
  });
});

describe("re-verify checks the current times (issue 13)", () => {
  it("a booking still at the old time after a move is seen (not cleared) and reported stale, never synced", async () => {
    const salon = await calcomSalon(sim);
    const id = await syncedPerm(salon);
    const phasesBefore = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, id))
      .orderBy(appointmentPhases.sequenceOrder);
    // Moved in SlotDesk by 60 minutes, but the sync has not run: Cal.com still has the old times.
    await getDb().execute(
      sql`update appointment_phases set start_time = start_time + interval '60 minutes', end_time = end_time + interval '60 minutes' where appointment_id = ${id}`,
    );
    const result = await reverifyAppointment({ ctx: salon.ctx, input: { appointmentId: id } });
    expect(result).toMatchObject({ status: "failed", found: 0, total: 4 });
    expect(await row(id)).toMatchObject({
      calcomSyncStatus: "failed",
      requiresManualReview: true,
      syncErrorCode: "calcom_stale",
    });
    const after = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, id))
      .orderBy(appointmentPhases.sequenceOrder);
    for (const [i, phase] of after.entries()) expect(phase.calcomBookingUid).toBe(phasesBefore[i]!.calcomBookingUid);
    expect(after.find((p) => p.segmentKey === "A")!.syncErrorMessage).toContain("noch zur alten Zeit");
    // The next sync cancels the old bookings and books the new times.
    expect((await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).outcome).toBe(
      "synced",
    );
    expect(sim.state.listBookings({ apiKey: salon.apiKey }).filter((b) => b.status === "accepted")).toHaveLength(4);
  });

  it("a booking that began before the phase and overlaps it is seen: the phase is a conflict naming it", async () => {
    const salon = await calcomSalon(sim);
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.cut.id,
        start: at("10:00"),
        staffId: salon.anna.id,
        customer: { name: "Erika", phone: "+4915100001111" },
        now: NOW,
      },
    });
    const other = salon.eventTypes.get(`Ansatzfärbung|A|${salon.anna.id}`)!;
    // Cal.com's list only returns bookings wholly inside its window; this one starts an hour earlier.
    sim.state.addBooking({
      eventTypeId: other,
      start: at("09:00").toISOString(),
      lengthInMinutes: 120,
      attendee: { name: "Lange Sitzung", email: "lang@example.test" },
    });
    await reverifyAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id } });
    const [phase] = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, appointment.id));
    expect(phase!.syncErrorMessage).toContain("Lange Sitzung, direkt in Cal.com gebucht");
  });

  it("keeps a structural cause instead of advising to create the bookings", async () => {
    const salon = await calcomSalon(sim);
    const id = await syncedPerm(salon);
    await getDb().execute(
      sql`update appointment_phases set calcom_booking_uid = null, calcom_sync_status = 'failed' where appointment_id = ${id}`,
    );
    await getDb().execute(sql`delete from calcom_event_map where service_id = ${salon.perm.id}`);
    for (const b of sim.state.listBookings({ apiKey: salon.apiKey })) sim.state.deleteBooking(b.uid);
    await getDb()
      .update(appointments)
      .set({ syncErrorCode: "calcom_managed_parent", syncErrorMessage: "Managed Parent …" })
      .where(eq(appointments.id, id));
    await reverifyAppointment({ ctx: salon.ctx, input: { appointmentId: id } });
    expect(await row(id)).toMatchObject({
      syncErrorCode: "calcom_managed_parent",
      syncErrorMessage: "Managed Parent …",
    });
  });
});

describe("reconciliation finds what Cal.com lets happen (issue 13)", () => {
  it("flags another booking of the same stylist overlapping a phase, and a booking of ours no phase claims", async () => {
    const salon = await calcomSalon(sim);
    const overlapped = await syncedPerm(salon, at("09:00"));
    const orphaned = await syncedPerm(salon, at("14:30"));
    const fine = await syncedPerm(salon, at("12:00"));
    // Cal.com accepted a concurrent booking over Anna's first segment (recorded: no overlap guard).
    const cut = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.anna.id}`)!;
    sim.state.addBooking({
      eventTypeId: cut,
      start: at("09:15").toISOString(),
      allowConflicts: true,
      attendee: { name: "Gleichzeitig", email: "g@example.test" },
    });
    // A second booking carrying our metadata for a phase that already has its own (an earlier attempt's).
    const [phase] = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, orphaned))
      .orderBy(appointmentPhases.sequenceOrder);
    const bens = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.ben.id}`)!;
    sim.state.addBooking({
      eventTypeId: bens,
      start: at("16:00").toISOString(),
      metadata: { crm_appointment_id: String(orphaned), crm_phase_id: String(phase!.id), segment_key: "A" },
    });
    const result = await reconcileUpcoming({ ctx: salon.ctx, input: { now: NOW } });
    expect(result.flagged.sort((a, b) => a.appointmentId - b.appointmentId)).toEqual([
      { appointmentId: overlapped, problem: "overlap" },
      { appointmentId: orphaned, problem: "orphan" },
    ]);
    expect(await row(overlapped)).toMatchObject({ requiresManualReview: true, syncErrorCode: "calcom_overlap" });
    expect(await row(orphaned)).toMatchObject({
      requiresManualReview: true,
      syncErrorCode: "calcom_orphan",
      calcomSyncStatus: "synced",
    });
    expect(await row(fine)).toMatchObject({ requiresManualReview: false });
  });
});
