import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { addAbsence } from "@/lib/staff";
import { localTime, utcOffsetMs, zonedInstant } from "@/lib/time/zoned";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";

// Monday 2027-03-15 in Berlin; clocks go forward on Sunday 2027-03-28.
useServerClock(new Date("2027-03-15T07:00:00Z"));
const TZ = "Europe/Berlin";
const at = (date: string, hhmm: string) =>
  zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);

describe("weekly absence across a DST change", () => {
  it("every Wednesday 13:00–18:00 local from 2027-03-17 to 2027-04-07 blocks the same wall-clock hours before and after 28 March", async () => {
    const { ctx, anna, cut } = await makeSalon();
    const afterDst = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("2027-03-31", "14:00"),
        staffId: anna.id,
        customer: { name: "Nach Umstellung", phone: "+4915112340001" },
      },
    });
    await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("2027-03-31", "10:00"),
        staffId: anna.id,
        customer: { name: "Vormittag", phone: "+4915112340002" },
      },
    });
    const weekly = {
      staffId: anna.id,
      kind: "training" as const,
      repeat: "weekly" as const,
      allDay: false,
      weekday: 3,
      startTime: "13:00",
      endTime: "18:00",
      validFrom: "2027-03-17",
      validUntil: "2027-04-07",
    };
    const preview = await addAbsence({ ctx, input: weekly });
    expect(preview.saved).toBe(false);
    expect(preview.affected.map((a) => a.id)).toEqual([afterDst.appointment.id]);
    expect(await addAbsence({ ctx, input: { ...weekly, confirm: true } })).toMatchObject({ saved: true });

    expect(utcOffsetMs(at("2027-03-24", "12:00").getTime(), TZ)).not.toBe(
      utcOffsetMs(at("2027-03-31", "12:00").getTime(), TZ),
    );
    for (const wednesday of ["2027-03-17", "2027-03-24", "2027-03-31", "2027-04-07"]) {
      const day = await findAvailability({ ctx, input: { serviceId: cut.id, from: wednesday, staffId: anna.id } });
      const offered = day.slots.map((s) => localTime(s.start, TZ));
      expect(offered, wednesday).toContain("12:30");
      expect(
        offered.filter((t) => t >= "13:00"),
        wednesday,
      ).toEqual([]);
    }
    // Outside its validity the afternoon is bookable again; Thursdays were never affected.
    for (const free of ["2027-04-14", "2027-03-25"]) {
      const day = await findAvailability({ ctx, input: { serviceId: cut.id, from: free, staffId: anna.id } });
      expect(
        day.slots.map((s) => localTime(s.start, TZ)),
        free,
      ).toContain("15:00");
    }
  });
});
