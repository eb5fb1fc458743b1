import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { checkSlot } from "@/lib/booking/check-slot";
import { getDb } from "@/lib/db/client";
import { appointments, staffAbsences } from "@/lib/db/schema";
import { addAbsence, getStaff, setStaffActive, setWorkingHours } from "@/lib/staff";
import { localTime, zonedInstant } from "@/lib/time/zoned";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";

// Friday 2027-02-26, 13:00 in Berlin; the next Monday is 2027-03-01.
const NOW = new Date("2027-02-26T12:00:00Z");
useServerClock(NOW);
const TZ = "Europe/Berlin";
const at = (date: string, hhmm: string) =>
  zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const times = (list: { start: Date }[]) => list.map((c) => localTime(c.start, TZ));
const customer = (name: string) => ({ name, phone: `+49151${Math.floor(1e7 + Math.random() * 9e7)}` });

const WITH_LUNCH = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "12:30" },
  { weekday, start: "13:30", end: "18:00" },
]);

describe("several working ranges a day", () => {
  it("never offers the break; a Dauerwelle must fit into one range, its Einwirkzeit does not bridge the break", async () => {
    for (const allowGapBooking of [false, true]) {
      const { ctx, anna, cut, perm } = await makeSalon({ allowGapBooking });
      await setWorkingHours({ ctx, input: { staffId: anna.id, hours: WITH_LUNCH } });
      const cuts = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-03-01", staffId: anna.id } });
      const offered = times(cuts.slots);
      expect(offered).toContain("12:00");
      expect(offered).toContain("13:30");
      expect(offered.filter((t) => t > "12:00" && t < "13:30")).toEqual([]);

      // 2 h 15: the last morning start is 10:15, the afternoon starts at 13:30.
      const perms = await findAvailability({
        ctx,
        input: { serviceId: perm.id, from: "2027-03-01", staffId: anna.id },
      });
      const permTimes = times(perms.slots);
      expect(permTimes.filter((t) => t < "13:30").at(-1)).toBe("10:15");
      expect(permTimes.filter((t) => t > "10:15" && t < "13:30")).toEqual([]);
      expect(permTimes).toContain("13:30");

      const inBreak = await checkSlot({
        ctx,
        input: { serviceId: cut.id, start: at("2027-03-01", "12:45"), staffId: anna.id },
      });
      expect(inBreak).toMatchObject({ ok: false, reason: "staff_not_working" });
    }
  });
});

describe("absences", () => {
  it("lists covered appointments first, saves only on confirm, flags them and cancels nothing", async () => {
    const { ctx, anna, ben, cut } = await makeSalon();
    const wed = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("2027-03-03", "10:00"),
        staffId: anna.id,
        customer: customer("Erika Mittwoch"),
      },
    });
    const thu = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("2027-03-04", "10:00"),
        staffId: anna.id,
        customer: customer("Tanja Donnerstag"),
      },
    });
    const bens = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("2027-03-03", "11:00"),
        staffId: ben.id,
        customer: customer("Bens Kundin"),
      },
    });
    const vacation = {
      staffId: anna.id,
      kind: "vacation" as const,
      repeat: "once" as const,
      allDay: true,
      fromDate: "2027-03-03",
      toDate: "2027-03-03",
    };

    const preview = await addAbsence({ ctx, input: vacation });
    expect(preview.saved).toBe(false);
    expect(preview.affected.map((a) => [a.id, a.customerName])).toEqual([[wed.appointment.id, "Erika Mittwoch"]]);
    expect(await getDb().select().from(staffAbsences).where(eq(staffAbsences.staffId, anna.id))).toEqual([]);
    // Not saved: Anna is still offered that day.
    const before = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-03-03", staffId: anna.id } });
    expect(before.slots.length).toBeGreaterThan(0);

    const saved = await addAbsence({ ctx, input: { ...vacation, confirm: true } });
    expect(saved).toMatchObject({ saved: true, followUpReason: "Urlaub von Anna Berg – Kundin anrufen" });
    const rows = await getDb().select().from(appointments).where(eq(appointments.companyId, ctx.company.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(wed.appointment.id)).toMatchObject({
      status: "confirmed",
      followUpReason: "Urlaub von Anna Berg – Kundin anrufen",
      followUpAt: NOW,
    });
    expect(byId.get(thu.appointment.id)).toMatchObject({ status: "confirmed", followUpReason: null });
    expect(byId.get(bens.appointment.id)).toMatchObject({ status: "confirmed", followUpReason: null });

    const wednesday = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-03-03" } });
    expect(wednesday.candidates.filter((c) => c.staffId === anna.id)).toEqual([]);
    expect(wednesday.candidates.some((c) => c.staffId === ben.id)).toBe(true);
    const thursday = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: "2027-03-04", staffId: anna.id },
    });
    expect(thursday.slots.length).toBeGreaterThan(0);

    const detail = await getStaff({ ctx, input: { id: anna.id } });
    expect(detail.upcoming.find((a) => a.id === wed.appointment.id)?.followUpReason).toContain("Urlaub");
    const refusal = await checkSlot({
      ctx,
      input: { serviceId: cut.id, start: at("2027-03-03", "15:00"), staffId: anna.id },
    });
    expect(refusal).toMatchObject({ ok: false, reason: "staff_absent", detail: { partOfDay: false } });
  });

  it("an absence of some hours blocks just those hours; without covered appointments it saves at once", async () => {
    const { ctx, anna, cut } = await makeSalon();
    const result = await addAbsence({
      ctx,
      input: {
        staffId: anna.id,
        kind: "sick",
        repeat: "once",
        allDay: false,
        fromDate: "2027-03-02",
        fromTime: "11:00",
        toDate: "2027-03-02",
        toTime: "14:00",
      },
    });
    expect(result).toMatchObject({ saved: true, affected: [] });
    const tue = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-03-02", staffId: anna.id } });
    const offered = times(tue.slots);
    expect(offered).toContain("10:30");
    expect(offered).toContain("14:00");
    expect(offered.filter((t) => t > "10:30" && t < "14:00")).toEqual([]);
    const check = await checkSlot({
      ctx,
      input: { serviceId: cut.id, start: at("2027-03-02", "12:00"), staffId: anna.id },
    });
    expect(check).toMatchObject({ ok: false, reason: "staff_absent", detail: { partOfDay: true } });
  });

  it("a deactivated stylist is never offered; her appointments stay and are listed on her page", async () => {
    const { ctx, anna, cut } = await makeSalon();
    const booked = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("2027-03-05", "10:00"),
        staffId: anna.id,
        customer: customer("Bleibt Gebucht"),
      },
    });
    await setStaffActive({ ctx, input: { staffId: anna.id, active: false } });
    const week = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-03-01", to: "2027-03-07" } });
    expect(week.candidates.some((c) => c.staffId === anna.id)).toBe(false);
    expect(week.candidates.length).toBeGreaterThan(0);
    const [kept] = await getDb().select().from(appointments).where(eq(appointments.id, booked.appointment.id));
    expect(kept).toMatchObject({ status: "confirmed", staffId: anna.id });
    expect((await getStaff({ ctx, input: { id: anna.id } })).upcoming.map((a) => a.id)).toEqual([
      booked.appointment.id,
    ]);

    await setStaffActive({ ctx, input: { staffId: anna.id, active: true } });
    const again = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-03-01", staffId: anna.id } });
    expect(again.slots.length).toBeGreaterThan(0);
  });
});
