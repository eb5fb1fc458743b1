import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { checkSlot } from "@/lib/booking/check-slot";
import { saveSpecialDays } from "@/lib/companies";
import { WEEKDAYS_9_TO_18 } from "../../support/factories";
import { useServerClock } from "../../support/clock";
import { berlin, localTimes, salonIn } from "./salon";

// Sunday 2026-12-20, 09:00 in Berlin: every date below lies ahead of it.
useServerClock(new Date("2026-12-20T08:00:00Z"));

const slotsOn = async (s: Awaited<ReturnType<typeof salonIn>>, date: string) =>
  localTimes((await findAvailability({ ctx: s.ctx, input: { serviceId: s.cut.id, from: date } })).slots);

describe("salon windows: special day > public holiday > weekly hours", () => {
  it("several ranges per day: the lunch break is never offered, nothing runs into it", async () => {
    const lunch = {
      ...WEEKDAYS_9_TO_18,
      "1": [
        { open: "09:00", close: "12:00" },
        { open: "13:00", close: "18:00" },
      ],
    };
    const s = await salonIn(null, { openingHours: lunch });
    // The stylists work 9–18 without a break: only the salon's hours make the gap.
    await s.ctx.db.execute(
      `update staff_working_hours set start_time = '09:00', end_time = '18:00' where company_id = '${s.company.id}'`,
    );
    const times = await slotsOn(s, "2027-01-11");
    expect(times).toContain("11:30");
    expect(times).toContain("13:00");
    expect(times.filter((t) => t >= "11:45" && t < "13:00")).toEqual([]);
    const refused = await checkSlot({
      ctx: s.ctx,
      input: { serviceId: s.cut.id, start: berlin("2027-01-11", "12:15") },
    });
    expect(refused).toMatchObject({ ok: false, reason: "outside_opening_hours" });
    const perm = await checkSlot({ ctx: s.ctx, input: { serviceId: s.perm.id, start: berlin("2027-01-11", "11:00") } });
    expect(perm).toMatchObject({ ok: false, reason: "ends_after_closing", detail: { pause: true } });
  });

  it("Heilige Drei Könige (2027-01-06) closes a salon in Bayern, not one in Berlin", async () => {
    const bavaria = await salonIn("BY");
    const berlinSalon = await salonIn("BE");
    expect(await slotsOn(bavaria, "2027-01-06")).toEqual([]);
    expect(await slotsOn(berlinSalon, "2027-01-06")).toContain("10:00");
    const check = await checkSlot({
      ctx: bavaria.ctx,
      input: { serviceId: bavaria.cut.id, start: berlin("2027-01-06", "10:00") },
    });
    expect(check).toMatchObject({ ok: false, reason: "closed_holiday", detail: { name: "Heilige Drei Könige" } });
  });

  it("Fronleichnam and Reformationstag follow the state: BY/BB closed, BE open", async () => {
    const bavaria = await salonIn("BY");
    const brandenburg = await salonIn("BB");
    const berlinSalon = await salonIn("BE");
    expect(await slotsOn(bavaria, "2027-05-27")).toEqual([]);
    expect(await slotsOn(berlinSalon, "2027-05-27")).toContain("10:00");
    expect(await slotsOn(brandenburg, "2028-10-31")).toEqual([]);
    expect(await slotsOn(berlinSalon, "2028-10-31")).toContain("10:00");
    // Nationwide: Christmas closes both.
    expect(await slotsOn(berlinSalon, "2026-12-25")).toEqual([]);
  });

  it("a holiday the salon opens on anyway has its weekly hours again", async () => {
    const s = await salonIn("BY", { openOnHolidays: ["01-06"] });
    expect(await slotsOn(s, "2027-01-06")).toContain("17:30");
    expect(await slotsOn(s, "2027-01-01")).toEqual([]);
  });

  it("a special closed day and special hours win over the week and over holidays", async () => {
    const s = await salonIn("BE");
    await saveSpecialDays({ ctx: s.ctx, input: { from: "2027-01-11", hours: [], reason: "Inventur" } });
    await saveSpecialDays({ ctx: s.ctx, input: { from: "2027-01-12", hours: [{ open: "10:00", close: "14:00" }] } });
    // Open on Neujahr and on a Sunday by special hours.
    await saveSpecialDays({ ctx: s.ctx, input: { from: "2027-01-01", hours: [{ open: "12:00", close: "16:00" }] } });
    await saveSpecialDays({ ctx: s.ctx, input: { from: "2027-01-10", hours: [{ open: "11:00", close: "15:00" }] } });
    // The same ctx (still carrying the old catalog_version) sees the change at once.
    expect(await slotsOn(s, "2027-01-11")).toEqual([]);
    const tuesday = await slotsOn(s, "2027-01-12");
    expect([tuesday[0], tuesday[tuesday.length - 1]]).toEqual(["10:00", "13:30"]);
    expect((await slotsOn(s, "2027-01-01"))[0]).toBe("12:00");
    // Sunday: the stylists do not work, so the salon being open is not enough — nothing offered.
    expect(await slotsOn(s, "2027-01-10")).toEqual([]);
    const closed = await checkSlot({
      ctx: s.ctx,
      input: { serviceId: s.cut.id, start: berlin("2027-01-11", "10:00") },
    });
    expect(closed).toMatchObject({ ok: false, reason: "closed_special_day", detail: { name: "Inventur" } });
    const late = await checkSlot({ ctx: s.ctx, input: { serviceId: s.cut.id, start: berlin("2027-01-12", "15:00") } });
    expect(late).toMatchObject({
      ok: false,
      reason: "outside_opening_hours",
      detail: { hours: [{ open: "10:00", close: "14:00" }] },
    });
  });
});
