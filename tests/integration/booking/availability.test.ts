import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { holdSlot } from "@/lib/booking/holds";
import { getDb } from "@/lib/db/client";
import { externalBusyTimes } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { makeCall, makeService, makeSalon, makeStaff, qualify } from "../../support/factories";
import { useServerClock } from "../../support/clock";

const NOW = new Date("2027-02-26T12:00:00Z");
// The server clock too: nothing before it is offered or booked, whatever day the suite runs on.
useServerClock(NOW);
const MONDAY = "2027-03-01";
const at = (hhmm: string, date = MONDAY) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h! * 60 + m!, "Europe/Berlin");
};
const customer = { name: "Erika Muster", phone: "+4915112345670" };
const startsOf = (list: { start: Date }[]) => list.map((c) => c.start.toISOString());

describe("availability", () => {
  it("offers grid starts inside opening and working hours where the whole service fits", async () => {
    const { ctx, perm, anna } = await makeSalon();
    const { slots } = await findAvailability({
      ctx,
      input: { serviceId: perm.id, from: MONDAY, staffId: anna.id, now: NOW },
    });
    expect(slots[0]!.start).toEqual(at("09:00"));
    expect(slots.every((s) => (s.start.getTime() - at("09:00").getTime()) % (15 * 60_000) === 0)).toBe(true);
    // 2 h 15 must end by 18:00: the last start is 15:45.
    expect(slots[slots.length - 1]!.start).toEqual(at("15:45"));
    expect(slots[0]!.phases.map((p) => [p.segmentKey, p.staffRequired])).toEqual([
      ["A", true],
      ["GAP_1", false],
      ["B", true],
      ["GAP_2", false],
      ["C", true],
      ["D", true],
    ]);
  });

  it("respects a staff member's own shorter hours and days off", async () => {
    const { company, ctx, cut } = await makeSalon();
    const part = await makeStaff(company, { name: "Teilzeit", hours: [{ weekday: 1, start: "12:00", end: "14:00" }] });
    await qualify(company, [part.id], [cut.id]);
    const monday = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: MONDAY, staffId: part.id, now: NOW },
    });
    expect(startsOf(monday.slots)).toEqual(
      startsOf(["12:00", "12:15", "12:30", "12:45", "13:00", "13:15", "13:30"].map((t) => ({ start: at(t) }))),
    );
    const tuesday = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: "2027-03-02", staffId: part.id, now: NOW },
    });
    expect(tuesday.slots).toEqual([]);
  });

  it("only offers staff who perform the service, and nothing on closed days", async () => {
    const { company, ctx, cut } = await makeSalon();
    const colourist = await makeStaff(company, { name: "Nur Farbe" });
    const result = await findAvailability({ ctx, input: { serviceId: cut.id, from: MONDAY, now: NOW } });
    expect(result.candidates.some((c) => c.staffId === colourist.id)).toBe(false);
    const sunday = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-02-28", now: NOW } });
    expect(sunday.slots).toEqual([]);
  });

  it("never offers a start before the reference time", async () => {
    const { ctx, cut } = await makeSalon();
    const { slots } = await findAvailability({ ctx, input: { serviceId: cut.id, from: MONDAY, now: at("11:05") } });
    expect(slots[0]!.start).toEqual(at("11:15"));
  });

  it("blocks the whole span of a booked perm by default, including its processing gaps", async () => {
    const { ctx, perm, cut, anna } = await makeSalon();
    await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    const { slots } = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: MONDAY, staffId: anna.id, now: NOW },
    });
    const starts = startsOf(slots);
    expect(starts).toContain(at("09:30").toISOString());
    for (const blocked of ["09:45", "10:00", "10:50", "11:00", "12:00"])
      expect(starts).not.toContain(at(blocked).toISOString());
    expect(starts).toContain(at("12:15").toISOString());
  });

  it("with gap booking on, a short service fits into another appointment's processing gap", async () => {
    const { ctx, colour, cut, anna } = await makeSalon({ allowGapBooking: true });
    // Ansatzfärbung 10:00: A 10:00–10:30, Einwirkzeit 10:30–11:00, B from 11:00.
    await bookAppointment({
      ctx,
      input: { serviceId: colour.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    const { slots } = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: MONDAY, staffId: anna.id, now: NOW },
    });
    const starts = startsOf(slots);
    expect(starts).toContain(at("10:30").toISOString());
    expect(starts).not.toContain(at("10:15").toISOString());
    expect(starts).not.toContain(at("10:45").toISOString());
    const booked = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("10:30"),
        staffId: anna.id,
        customer: { name: "Gap Kunde", phone: "+4915112345671" },
        now: NOW,
      },
    });
    expect(booked.created).toBe(true);
  });

  it("counts other calls' unexpired holds, ignores the asking call's own hold and expired holds", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    const callA = await makeCall(company);
    const callB = await makeCall(company);
    await holdSlot({ ctx, input: { callId: callA.id, serviceId: cut.id, staffId: anna.id, start: at("10:00") } });
    const forB = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: MONDAY, staffId: anna.id, callId: callB.id, now: NOW },
    });
    expect(startsOf(forB.slots)).not.toContain(at("10:00").toISOString());
    const forA = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: MONDAY, staffId: anna.id, callId: callA.id, now: NOW },
    });
    expect(startsOf(forA.slots)).toContain(at("10:00").toISOString());

    await getDb().execute(
      sql`update staff_busy_intervals set expires_at = now() - interval '1 second' where kind = 'hold'`,
    );
    const afterExpiry = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: MONDAY, staffId: anna.id, callId: callB.id, now: NOW },
    });
    expect(startsOf(afterExpiry.slots)).toContain(at("10:00").toISOString());
  });

  it("respects busy time booked directly in Cal.com", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    await getDb()
      .insert(externalBusyTimes)
      .values({
        companyId: company.id,
        staffId: anna.id,
        startsAt: at("14:00"),
        endsAt: at("15:00"),
        externalUid: "cal-direct-1",
      });
    const { slots } = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: MONDAY, staffId: anna.id, now: NOW },
    });
    const starts = startsOf(slots);
    expect(starts).not.toContain(at("14:00").toISOString());
    expect(starts).not.toContain(at("13:45").toISOString());
    expect(starts).toContain(at("15:00").toISOString());
  });

  it("spreads load: with any staff, the least booked stylist of the day gets the slot", async () => {
    const { ctx, cut, perm, anna, ben } = await makeSalon();
    await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("09:00"), staffId: anna.id, customer, now: NOW },
    });
    const { slots } = await findAvailability({ ctx, input: { serviceId: cut.id, from: MONDAY, now: NOW } });
    const afternoon = slots.find((s) => s.start.getTime() === at("15:00").getTime())!;
    expect(afternoon.staffId).toBe(ben.id);
    await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("09:00"), staffId: ben.id, customer, now: NOW },
    });
    await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("12:00"), staffId: ben.id, customer, now: NOW },
    });
    const again = await findAvailability({ ctx, input: { serviceId: cut.id, from: MONDAY, now: NOW } });
    expect(again.slots.find((s) => s.start.getTime() === at("15:00").getTime())!.staffId).toBe(anna.id);
  });

  it("has no slots for an inactive service", async () => {
    const { company, ctx, anna } = await makeSalon();
    const old = await makeService(company, { name: "Alt", minutes: 30, active: false });
    await qualify(company, [anna.id], [old.id]);
    const { slots } = await findAvailability({ ctx, input: { serviceId: old.id, from: MONDAY, now: NOW } });
    expect(slots).toEqual([]);
  });
});
