import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, calcomEventMap, syncAttempts, syncRuns } from "@/lib/db/schema";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

// Appointments in the simulator's future: the sync books them for real.
const DAY = "2031-03-03";
const NOW = new Date("2031-02-27T12:00:00Z");
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(DAY, h! * 60 + m!, "Europe/Berlin");
};
const customer = { name: "Siegfried Reu", phone: "+4915112345678" };

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());
beforeEach(() => sim.faults.clear());

async function bookPerm(salon: Awaited<ReturnType<typeof calcomSalon>>, start = at("10:00"), staffId = salon.anna.id) {
  const { appointment } = await bookAppointment({
    ctx: salon.ctx,
    input: { serviceId: salon.perm.id, start, staffId, customer, now: NOW },
  });
  return appointment.id;
}
const phasesOf = (appointmentId: number) =>
  getDb()
    .select()
    .from(appointmentPhases)
    .where(eq(appointmentPhases.appointmentId, appointmentId))
    .orderBy(appointmentPhases.sequenceOrder);
const appointmentRow = async (id: number) =>
  (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;
const simBookingsOf = (apiKey: string, appointmentId: number) =>
  sim.state.listBookings({ apiKey }).filter((b) => b.metadata.crm_appointment_id === String(appointmentId));

describe("Cal.com sync of composite appointments", () => {
  it("creates one booking per staff-required phase with our metadata; processing gaps are never sent", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    const result = await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
    expect(result).toEqual({ outcome: "synced", retry: false, recovered: 0 });
    const phases = await phasesOf(id);
    const required = phases.filter((p) => p.staffRequired);
    const inCalcom = simBookingsOf(salon.apiKey, id);
    expect(inCalcom).toHaveLength(4);
    for (const phase of required) {
      const booking = inCalcom.find((b) => b.uid === phase.calcomBookingUid)!;
      expect(booking.metadata).toEqual({
        crm_appointment_id: String(id),
        crm_phase_id: String(phase.id),
        segment_key: phase.segmentKey,
      });
      expect(booking.start).toBe(phase.startTime.toISOString());
      expect(phase).toMatchObject({
        calcomSyncStatus: "synced",
        calcomBookingId: booking.id,
        calcomEventTypeId: booking.eventTypeId,
      });
      expect(phase.calcomMetadata).toMatchObject({
        eventTypeId: booking.eventTypeId,
        hostUserId: 5001,
        apiVersion: "2024-08-13",
        attempt: 1,
        attendee: { name: "Siegfried Reu" },
      });
      expect(phase.calcomMetadata?.syncedAt).toEqual(expect.any(String));
    }
    expect(
      phases.filter((p) => !p.staffRequired).every((p) => p.calcomBookingUid === null && p.calcomSyncStatus === null),
    ).toBe(true);
    const row = await appointmentRow(id);
    expect(row).toMatchObject({
      calcomSyncStatus: "synced",
      requiresManualReview: false,
      calcomV2BookingUid: required[0]!.calcomBookingUid,
      calcomV2BookingId: required[0]!.calcomBookingId,
    });
    expect(row.syncVerifiedAt).not.toBeNull();
    const attempts = await getDb().select().from(syncAttempts).where(eq(syncAttempts.appointmentId, id));
    expect(attempts.filter((a) => a.action === "create").map((a) => a.httpStatus)).toEqual([201, 201, 201, 201]);
    expect(attempts.every((a) => a.latencyMs >= 0)).toBe(true);
  });

  it("one after another (PARALLEL_CALCOM_BOOKING off) gives the same result", async () => {
    const salon = await calcomSalon(sim, { parallel: false });
    const id = await bookPerm(salon);
    expect((await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).outcome).toBe(
      "synced",
    );
    expect(simBookingsOf(salon.apiKey, id)).toHaveLength(4);
  });

  it("seed 000: Cal.com answers 400 although it created the bookings — the appointment still ends synced with Cal.com's uids", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    sim.faults.set({ createThen400: Infinity });
    const result = await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
    expect(result).toEqual({ outcome: "synced", retry: false, recovered: 4 });
    const inCalcom = simBookingsOf(salon.apiKey, id);
    expect(inCalcom).toHaveLength(4);
    const phases = (await phasesOf(id)).filter((p) => p.staffRequired);
    expect(phases.map((p) => p.calcomBookingUid).sort()).toEqual(inCalcom.map((b) => b.uid).sort());
    expect(await appointmentRow(id)).toMatchObject({
      calcomSyncStatus: "synced",
      requiresManualReview: false,
      syncErrorCode: null,
    });
    const [run] = await getDb().select().from(syncRuns).where(eq(syncRuns.appointmentId, id));
    expect(run).toMatchObject({ outcome: "synced", recoveredByVerification: 4, trigger: "auto" });
  });

  it("a sync an admin asked for (Erneut synchronisieren) is recorded as the admin's, so its rescues count as manual", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    sim.faults.set({ createThen400: Infinity });
    await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0, trigger: "admin" } });
    const [run] = await getDb().select().from(syncRuns).where(eq(syncRuns.appointmentId, id));
    expect(run).toMatchObject({ kind: "sync", trigger: "admin", recoveredByVerification: 4 });
  });

  it("without post-sync verification the same false negative stays failed for review (the original behaviour)", async () => {
    const salon = await calcomSalon(sim, { verification: false });
    const id = await bookPerm(salon);
    sim.faults.set({ createThen400: Infinity });
    expect((await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).outcome).toBe(
      "failed",
    );
    expect(await appointmentRow(id)).toMatchObject({
      calcomSyncStatus: "failed",
      requiresManualReview: true,
      syncErrorCode: "calcom_conflict",
    });
  });

  it("a real conflict in Cal.com ends failed with manual review, error kept, no retry and no booking", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    const other = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.anna.id}`)!;
    sim.state.addBooking({
      eventTypeId: other,
      start: at("09:45").toISOString(),
      lengthInMinutes: 180,
      title: "Direkt in Cal.com",
    });
    const result = await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
    expect(result).toEqual({ outcome: "failed", retry: false, recovered: 0 });
    const row = await appointmentRow(id);
    expect(row).toMatchObject({
      calcomSyncStatus: "failed",
      requiresManualReview: true,
      syncErrorCode: "calcom_conflict",
    });
    // German, and naming what blocks the time: a booking made directly in Cal.com, not one of ours.
    expect(row.syncErrorMessage).toContain("Anna Berg ist in Cal.com zu dieser Zeit schon belegt");
    expect(row.syncErrorMessage).toContain("direkt in Cal.com gebucht");
    expect(simBookingsOf(salon.apiKey, id)).toHaveLength(0);
    expect(
      (await phasesOf(id))
        .filter((p) => p.staffRequired)
        .every((p) => p.calcomSyncStatus === "failed" && p.syncErrorMessage),
    ).toBe(true);
  });

  it("two of four phases blocked in Cal.com ends partial with manual review", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    const other = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.anna.id}`)!;
    // Phases C (11:20–11:35) and D (11:35–12:15) collide; A and B do not.
    sim.state.addBooking({
      eventTypeId: other,
      start: at("11:20").toISOString(),
      lengthInMinutes: 55,
      title: "Privat",
    });
    const result = await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
    expect(result.outcome).toBe("partial");
    expect((await phasesOf(id)).filter((p) => p.staffRequired).map((p) => [p.segmentKey, p.calcomSyncStatus])).toEqual([
      ["A", "synced"],
      ["B", "synced"],
      ["C", "failed"],
      ["D", "failed"],
    ]);
    expect(await appointmentRow(id)).toMatchObject({ calcomSyncStatus: "partial", requiresManualReview: true });
    expect(simBookingsOf(salon.apiKey, id)).toHaveLength(2);
  });

  it("a managed parent event type fails fast with a clear German message: one attempt, no retry", async () => {
    const salon = await calcomSalon(sim);
    const parent = sim.state.addEventType({
      apiKey: salon.apiKey,
      title: "Managed",
      lengthInMinutes: 50,
      hosts: [{ userId: 5001 }],
      schedulingType: "managed",
      teamId: 777,
    });
    await getDb()
      .update(calcomEventMap)
      .set({ eventTypeId: parent.id })
      .where(
        and(
          eq(calcomEventMap.serviceId, salon.perm.id),
          eq(calcomEventMap.staffId, salon.anna.id),
          eq(calcomEventMap.segmentKey, "A"),
        ),
      );
    const id = await bookPerm(salon);
    const result = await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
    expect(result).toMatchObject({ outcome: "partial", retry: false });
    const [a] = await phasesOf(id);
    expect(a!.calcomSyncStatus).toBe("failed");
    expect(a!.syncErrorMessage).toContain("ist ein verwalteter Event-Typ und kann nicht gebucht werden");
    const creates = await getDb()
      .select()
      .from(syncAttempts)
      .where(and(eq(syncAttempts.phaseId, a!.id), eq(syncAttempts.action, "create")));
    expect(creates).toHaveLength(1);
    expect(await appointmentRow(id)).toMatchObject({
      requiresManualReview: true,
      syncErrorCode: "calcom_managed_parent",
    });
  });

  it("a missing mapping fails fast without calling Cal.com for that phase", async () => {
    const salon = await calcomSalon(sim);
    await getDb()
      .delete(calcomEventMap)
      .where(and(eq(calcomEventMap.serviceId, salon.cut.id), eq(calcomEventMap.staffId, salon.anna.id)));
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: { serviceId: salon.cut.id, start: at("15:00"), staffId: salon.anna.id, customer, now: NOW },
    });
    const result = await syncAppointment({
      ctx: salon.ctx,
      input: { appointmentId: appointment.id, verifyDelayMs: 0 },
    });
    expect(result).toMatchObject({ outcome: "failed", retry: false });
    expect(await appointmentRow(appointment.id)).toMatchObject({
      syncErrorCode: "mapping_missing",
      requiresManualReview: true,
    });
    expect(await getDb().select().from(syncAttempts).where(eq(syncAttempts.appointmentId, appointment.id))).toEqual([]);
  });

  it("500s and timeouts are retried by the job, not flagged; the retry never duplicates a booking", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    sim.faults.set({ error500: 3 });
    const first = await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0, attempt: 1 } });
    expect(first.retry).toBe(true);
    expect(await appointmentRow(id)).toMatchObject({ requiresManualReview: false });
    let last = first;
    for (let attempt = 2; attempt <= 5 && last.outcome !== "synced"; attempt++) {
      last = await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0, attempt } });
    }
    expect(last.outcome).toBe("synced");
    const inCalcom = simBookingsOf(salon.apiKey, id);
    expect(inCalcom).toHaveLength(4);
    expect(new Set(inCalcom.map((b) => b.metadata.crm_phase_id)).size).toBe(4);
  });

  it("after the last retry an unreachable Cal.com is flagged for review", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    sim.faults.set({ error500: Infinity });
    const result = await syncAppointment({
      ctx: salon.ctx,
      input: { appointmentId: id, verifyDelayMs: 0, attempt: 6, finalAttempt: true },
    });
    expect(result).toMatchObject({ outcome: "failed", retry: false });
    expect(await appointmentRow(id)).toMatchObject({ requiresManualReview: true, syncErrorCode: "calcom_unreachable" });
  });

  it("reschedule moves every phase booking (old ones cancelled first, new ones with their lengths); cancel cancels them all", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } });
    const before = (await phasesOf(id)).filter((p) => p.staffRequired).map((p) => p.calcomBookingUid!);

    await rescheduleAppointment({ ctx: salon.ctx, input: { appointmentId: id, start: at("14:00"), now: NOW } });
    expect((await appointmentRow(id)).calcomSyncStatus).toBe("pending");
    expect((await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).outcome).toBe(
      "synced",
    );
    const moved = (await phasesOf(id)).filter((p) => p.staffRequired);
    for (const [i, phase] of moved.entries()) {
      const now = sim.state.getBooking(phase.calcomBookingUid!)!;
      expect(now).toMatchObject({
        status: "accepted",
        start: phase.startTime.toISOString(),
        end: phase.endTime.toISOString(),
      });
      expect(now.uid).not.toBe(before[i]);
      expect(sim.state.getBooking(before[i]!)).toMatchObject({
        status: "cancelled",
        cancellationReason: "SlotDesk: Termin verschoben",
      });
    }
    expect(simBookingsOf(salon.apiKey, id).filter((b) => b.status === "accepted")).toHaveLength(4);

    await cancelAppointment({ ctx: salon.ctx, input: { appointmentId: id, now: NOW } });
    expect((await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).outcome).toBe(
      "cancelled",
    );
    expect(simBookingsOf(salon.apiKey, id).every((b) => b.status === "cancelled")).toBe(true);
    expect((await phasesOf(id)).filter((p) => p.staffRequired).every((p) => p.calcomSyncStatus === "cancelled")).toBe(
      true,
    );
    expect(await appointmentRow(id)).toMatchObject({ calcomSyncStatus: "synced", requiresManualReview: false });
  });

  it("enqueues the sync job in the booking's transaction, and nothing for a booking that lost", async () => {
    const salon = await calcomSalon(sim);
    const id = await bookPerm(salon);
    await expect(bookPerm(salon)).rejects.toMatchObject({ code: "SLOT_TAKEN" });
    const jobs = await getDb().execute<{ data: { appointmentId: number } }>(
      sql`select data from pgboss.job where name = 'calcom-sync' and data->>'companyId' = ${salon.company.id}`,
    );
    expect(jobs.map((j) => j.data.appointmentId)).toEqual([id]);
  });
});
