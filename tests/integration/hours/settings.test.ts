import { describe, expect, it } from "vitest";
import { holidaysAhead, publicHolidays, updateHolidays, updateOpeningHours } from "@/lib/companies";
import { GERMAN_STATES } from "@/lib/companies/holidays";
import { WEEKDAYS_9_TO_18 } from "../../support/factories";

type Week = Record<"1" | "2" | "3" | "4" | "5" | "6" | "7", { open: string; close: string }[]>;
import { reload, salonIn } from "./salon";

describe("holiday settings", () => {
  it("a holiday's rule is the same key in every year, so a salon's choice lasts", () => {
    for (const { code } of GERMAN_STATES) {
      const byRule = new Map<string, string>();
      for (let year = 2026; year <= 2040; year++)
        for (const h of publicHolidays(code, year)) {
          if (/^\d{4}-/.test(h.rule)) continue; // one-off days (Tag der Befreiung 2025) have no yearly key
          expect(byRule.get(h.rule) ?? h.name, `${code} ${year} ${h.rule}`).toBe(h.name);
          byRule.set(h.rule, h.name);
        }
      expect(byRule.get("12-25")).toBe("1. Weihnachtstag");
    }
  });

  it("the Bundesland and the holidays kept open are saved; the coming year's list shows them", async () => {
    const s = await salonIn(null);
    expect(holidaysAhead(s.company, "2026-12-01")).toEqual([]);
    await updateHolidays({ ctx: s.ctx, input: { state: "BY", openOnHolidays: ["01-06", "easter 60"] } });
    const company = await reload(s.company.id);
    expect(company).toMatchObject({ state: "BY", openOnHolidays: ["01-06", "easter 60"] });
    const ahead = holidaysAhead(company, "2026-12-01");
    expect(ahead[0]).toMatchObject({ date: "2026-12-25", name: "1. Weihnachtstag", open: false });
    expect(ahead.find((h) => h.rule === "01-06")).toMatchObject({ date: "2027-01-06", open: true });
    expect(ahead.find((h) => h.rule === "easter 60")).toMatchObject({ date: "2027-05-27", name: "Fronleichnam" });
    expect(ahead.every((h) => h.date >= "2026-12-01" && h.date < "2027-12-01")).toBe(true);
    await expect(updateHolidays({ ctx: s.ctx, input: { state: "XX" as "BY" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect((await reload(s.company.id)).state).toBe("BY");
  });

  it("opening hours take several ranges per day; overlapping ranges are refused and change nothing", async () => {
    const s = await salonIn(null);
    const lunch: Week = {
      ...(WEEKDAYS_9_TO_18 as Week),
      "2": [
        { open: "13:00", close: "18:00" },
        { open: "09:00", close: "12:00" },
      ],
    };
    await updateOpeningHours({ ctx: s.ctx, input: { openingHours: lunch } });
    expect((await reload(s.company.id)).openingHours["2"]).toEqual([
      { open: "09:00", close: "12:00" },
      { open: "13:00", close: "18:00" },
    ]);
    const overlap: Week = {
      ...(WEEKDAYS_9_TO_18 as Week),
      "3": [
        { open: "09:00", close: "13:00" },
        { open: "12:30", close: "18:00" },
      ],
    };
    await expect(updateOpeningHours({ ctx: s.ctx, input: { openingHours: overlap } })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("Mittwoch: Die Öffnungszeiten überschneiden sich."),
    });
    expect((await reload(s.company.id)).openingHours["3"]).toEqual([{ open: "09:00", close: "18:00" }]);
  });
});
