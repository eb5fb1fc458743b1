import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { planPhases } from "@/lib/booking/phases";
import { isoWithOffset, localTime } from "@/lib/time/zoned";
import { EVERY_DAY, makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";

const TZ = "Europe/Berlin";
// The server clock is set before every date these tests book (2026); nothing is booked before it.
useServerClock(new Date("2026-03-01T00:00:00Z"));

describe("daylight saving time", () => {
  it("2026-03-29 (clocks go forward): 09:00 local is 07:00 UTC, a perm keeps its real length", async () => {
    const { ctx, perm, anna } = await makeSalon({ openingHours: EVERY_DAY("09:00", "18:00") });
    const now = new Date("2026-03-01T00:00:00Z");
    const saturday = await findAvailability({
      ctx,
      input: { serviceId: perm.id, from: "2026-03-28", staffId: anna.id, now },
    });
    expect(saturday.slots[0]!.start.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    const sunday = await findAvailability({
      ctx,
      input: { serviceId: perm.id, from: "2026-03-29", staffId: anna.id, now },
    });
    expect(sunday.slots[0]!.start.toISOString()).toBe("2026-03-29T07:00:00.000Z");
    const ten = sunday.slots.find((s) => localTime(s.start, TZ) === "10:00")!;
    const { appointment } = await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: ten.start, staffId: anna.id, customer: { name: "DST" }, now },
    });
    expect(isoWithOffset(appointment.start, TZ)).toBe("2026-03-29T10:00:00+02:00");
    expect(isoWithOffset(appointment.end, TZ)).toBe("2026-03-29T12:15:00+02:00");
    expect(appointment.phases.map((p) => localTime(p.start, TZ))).toEqual([
      "10:00",
      "10:50",
      "11:05",
      "11:10",
      "11:20",
      "11:35",
    ]);
  });

  it("2026-10-25 (clocks go back): 09:00 local is 08:00 UTC and slots follow the wall clock", async () => {
    const { ctx, cut, anna } = await makeSalon({ openingHours: EVERY_DAY("09:00", "18:00") });
    const now = new Date("2026-10-01T00:00:00Z");
    const sunday = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: "2026-10-25", staffId: anna.id, now },
    });
    expect(sunday.slots[0]!.start.toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect(sunday.slots.map((s) => localTime(s.start, TZ)).slice(0, 3)).toEqual(["09:00", "09:15", "09:30"]);
    expect(localTime(sunday.slots[sunday.slots.length - 1]!.start, TZ)).toBe("17:30");
  });

  it("phases crossing the switch last their real minutes and nonexistent wall times are never offered", async () => {
    const { ctx, cut, anna } = await makeSalon({ openingHours: EVERY_DAY("00:00", "06:00") });
    const now = new Date("2026-03-01T00:00:00Z");
    const night = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: "2026-03-29", staffId: anna.id, now },
    });
    const times = night.slots.map((s) => localTime(s.start, TZ));
    expect(times).not.toContain("02:00");
    expect(times).not.toContain("02:30");
    expect(new Set(night.slots.map((s) => s.start.getTime())).size).toBe(night.slots.length);
    const phases = planPhases(
      { name: "Lang", durationMinutes: 60, composite: false, segments: [] },
      new Date("2026-03-29T00:30:00Z"),
    );
    expect(localTime(phases[0]!.start, TZ)).toBe("01:30");
    expect(localTime(phases[0]!.end, TZ)).toBe("03:30");
    expect(phases[0]!.end.getTime() - phases[0]!.start.getTime()).toBe(60 * 60_000);
  });
});
