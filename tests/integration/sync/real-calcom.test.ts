import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, companies, customers } from "@/lib/db/schema";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, refreshCtx, startSim } from "../../support/calcom";

// The cases a real Cal.com API v2 broke (issue 13's table), against the simulator pinned to it.
const TZ = "Europe/Berlin";
const at = (day: string, hhmm: string) => zonedInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const MONDAY = "2031-03-03";
const NOW = new Date("2031-02-27T12:00:00Z");
const phoneOnly = { name: "Karl Telefon", phone: "+4915112345678" };

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());
beforeEach(() => sim.faults.clear());

type Salon = Awaited<ReturnType<typeof calcomSalon>>;
const phasesOf = async (id: number) =>
  (
    await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, id))
      .orderBy(appointmentPhases.sequenceOrder)
  ).filter((p) => p.staffRequired);
const appointmentRow = async (id: number) =>
  (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;
const ours = (salon: Salon, id: number) =>
  sim.state.listBookings({ apiKey: salon.apiKey }).filter((b) => b.metadata.crm_appointment_id === String(id));
const sync = (salon: Salon, appointmentId: number) =>
  syncAppointment({ ctx: salon.ctx, input: { appointmentId, verifyDelayMs: 0 } });

/** Cal.com holds exactly one active booking per phase, at the phase's times, with its length. */
async function expectMirrored(salon: Salon, id: number) {
  const phases = await phasesOf(id);
  const active = ours(salon, id).filter((b) => b.status === "accepted");
  expect(active).toHaveLength(phases.length);
  for (const phase of phases) {
    const booking = active.find((b) => b.uid === phase.calcomBookingUid);
    expect(booking, `phase ${phase.segmentKey}`).toMatchObject({
      start: phase.startTime.toISOString(),
      end: phase.endTime.toISOString(),
    });
    expect(phase.calcomSyncStatus).toBe("synced");
  }
}

async function book(
  salon: Salon,
  service: "perm" | "cut",
  start: Date,
  customer: { name: string; phone?: string; email?: string } = phoneOnly,
) {
  const { appointment } = await bookAppointment({
    ctx: salon.ctx,
    input: { serviceId: salon[service].id, start, staffId: salon.anna.id, customer, now: NOW },
  });
  return appointment.id;
}

describe("phone-only callers (the normal voice caller) reach Cal.com", () => {
  it("a Herrenhaarschnitt syncs with a no-delivery address and the phone", async () => {
    const salon = await calcomSalon(sim);
    const id = await book(salon, "cut", at(MONDAY, "10:00"));
    expect(await sync(salon, id)).toMatchObject({ outcome: "synced" });
    const [booking] = ours(salon, id);
    const customerId = (await appointmentRow(id)).customerId;
    expect(booking!.attendees[0]).toMatchObject({
      email: `kunde-${customerId}@kunden.slotdesk.invalid`,
      phoneNumber: "+4915112345678",
    });
  });

  it("a Dauerwelle syncs all four segments", async () => {
    const salon = await calcomSalon(sim);
    const id = await book(salon, "perm", at(MONDAY, "10:00"));
    expect(await sync(salon, id)).toMatchObject({ outcome: "synced", recovered: 0 });
    await expectMirrored(salon, id);
  });

  it("the customer's own address only when the salon allows Cal.com's e-mails, and never one Cal.com refuses", async () => {
    const salon = await calcomSalon(sim);
    await getDb()
      .update(companies)
      .set({ calcomCustomerEmails: true, calcomAttendeeEmailDomain: "kunden.salon-demo.test" })
      .where(eq(companies.id, salon.company.id));
    salon.ctx = await refreshCtx(salon.company);
    const valid = await book(salon, "cut", at(MONDAY, "10:00"), { name: "Anna Post", email: "anna.post@example.test" });
    // Entered before SlotDesk refused such addresses at input: Cal.com would reject the booking.
    await getDb().insert(customers).values({
      companyId: salon.company.id,
      name: "Anna Müller",
      phone: "+4915199887766",
      email: "anna.müller@example.test",
    });
    const umlaut = await book(salon, "cut", at(MONDAY, "11:00"), { name: "Anna Müller", phone: "+4915199887766" });
    expect(await sync(salon, valid)).toMatchObject({ outcome: "synced" });
    expect(await sync(salon, umlaut)).toMatchObject({ outcome: "synced" });
    expect(ours(salon, valid)[0]!.attendees[0]!.email).toBe("anna.post@example.test");
    const umlautCustomer = (await appointmentRow(umlaut)).customerId;
    expect(ours(salon, umlaut)[0]!.attendees[0]!.email).toBe(`kunde-${umlautCustomer}@kunden.salon-demo.test`);
  });
});

it("an address Cal.com refuses is refused at input in German", async () => {
  const salon = await calcomSalon(sim);
  const error = await book(salon, "cut", at(MONDAY, "10:00"), {
    name: "Anna Müller",
    email: "anna.müller@example.test",
  }).catch((e: Error) => e);
  expect(String(error)).toContain("Umlaute und Sonderzeichen vor dem @ sind nicht möglich");
});

describe("a moved Dauerwelle ends synced in one run, every booking with its segment's length", () => {
  for (const [label, day, time] of [
    ["by 15 minutes", MONDAY, "10:15"],
    ["by 60 minutes (less than its length)", MONDAY, "11:00"],
    ["earlier by 60 minutes", MONDAY, "09:00"],
    ["to another day", "2031-03-05", "14:00"],
  ] as const) {
    it(label, async () => {
      const salon = await calcomSalon(sim);
      const id = await book(salon, "perm", at(MONDAY, "10:00"));
      expect((await sync(salon, id)).outcome).toBe("synced");
      const before = (await phasesOf(id)).map((p) => p.calcomBookingUid!);
      await rescheduleAppointment({ ctx: salon.ctx, input: { appointmentId: id, start: at(day, time), now: NOW } });
      expect(await sync(salon, id)).toMatchObject({ outcome: "synced", retry: false });
      await expectMirrored(salon, id);
      for (const uid of before) expect(sim.state.getBooking(uid)!.status).toBe("cancelled");
      expect(await appointmentRow(id)).toMatchObject({ calcomSyncStatus: "synced", requiresManualReview: false });
    });
  }

  it("across the spring DST change (Friday CET → Monday CEST)", async () => {
    const salon = await calcomSalon(sim);
    const id = await book(salon, "perm", at("2031-03-28", "10:00"));
    expect((await sync(salon, id)).outcome).toBe("synced");
    await rescheduleAppointment({
      ctx: salon.ctx,
      input: { appointmentId: id, start: at("2031-03-31", "10:00"), now: NOW },
    });
    expect((await sync(salon, id)).outcome).toBe("synced");
    await expectMirrored(salon, id);
    expect((await phasesOf(id))[0]!.startTime.toISOString()).toBe("2031-03-31T08:00:00.000Z");
  });
});

describe("only what is provably ours is adopted", () => {
  it("another customer's booking on the same event type and time is a conflict for review, never recovered", async () => {
    const salon = await calcomSalon(sim);
    const cut = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.anna.id}`)!;
    sim.state.addBooking({
      eventTypeId: cut,
      start: at(MONDAY, "10:00").toISOString(),
      attendee: { name: "Fremde Kundin", email: "fremd@example.test" },
    });
    const id = await book(salon, "cut", at(MONDAY, "10:00"));
    const result = await sync(salon, id);
    expect(result).toEqual({ outcome: "failed", retry: false, recovered: 0 });
    const row = await appointmentRow(id);
    expect(row).toMatchObject({
      calcomSyncStatus: "failed",
      requiresManualReview: true,
      syncErrorCode: "calcom_conflict",
    });
    expect(row.syncErrorMessage).toContain("Fremde Kundin, direkt in Cal.com gebucht");
    expect((await phasesOf(id))[0]!.calcomBookingUid).toBeNull();
  });

  it("a booking carrying our metadata on another event type or host is not adopted", async () => {
    const salon = await calcomSalon(sim);
    const id = await book(salon, "cut", at(MONDAY, "10:00"));
    const [phase] = await phasesOf(id);
    const bens = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.ben.id}`)!;
    const forged = sim.state.addBooking({
      eventTypeId: bens,
      start: at(MONDAY, "10:00").toISOString(),
      metadata: { crm_appointment_id: String(id), crm_phase_id: String(phase!.id), segment_key: "A" },
    });
    expect((await sync(salon, id)).outcome).toBe("synced");
    expect((await phasesOf(id))[0]!.calcomBookingUid).not.toBe(forged.uid);
  });
});

describe("notice", () => {
  it("a same-day booking 78 minutes ahead syncs on event types without notice", async () => {
    const clockSim = await startSim({ now: () => new Date(at(MONDAY, "08:42").getTime()) });
    try {
      const salon = await calcomSalon(clockSim);
      const id = await book(salon, "cut", at(MONDAY, "10:00"));
      expect((await syncAppointment({ ctx: salon.ctx, input: { appointmentId: id, verifyDelayMs: 0 } })).outcome).toBe(
        "synced",
      );
    } finally {
      await clockSim.stop();
    }
  });
});
