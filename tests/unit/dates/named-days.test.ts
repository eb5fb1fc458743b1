import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { easterSunday, isNationwideHoliday, namedDayDate, namedDayOn, namedDaysOn } from "@/lib/time/named-days";
import { addDays } from "@/lib/time/zoned";

// date-holidays is an independent source: its German data, not our arithmetic.
const germany = new Holidays("DE");
const bavaria = new Holidays("DE", "BY");
const dayOf = (h: { date: string }) => h.date.slice(0, 10);

describe("named days", () => {
  it("knows Easter Sunday for known years", () => {
    expect(["2025", "2026", "2027", "2028", "2038"].map((y) => easterSunday(Number(y)))).toEqual([
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2028-04-16",
      "2038-04-25",
    ]);
  });

  it("agrees with date-holidays on every nationwide holiday, 1995–2100", () => {
    for (let year = 1995; year <= 2100; year += 1) {
      const theirs = germany
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map(dayOf);
      const ours = [...new Set(theirs)].filter(isNationwideHoliday);
      expect(ours, String(year)).toEqual([...new Set(theirs)]);
      for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
        if (isNationwideHoliday(day)) expect(theirs, day).toContain(day);
      }
    }
  });

  it("agrees on Easter Sunday, Pfingstsonntag and Fronleichnam, 1995–2100", () => {
    for (let year = 1995; year <= 2100; year += 1) {
      const named = (name: string, source = germany) =>
        source
          .getHolidays(year)
          .filter((h) => h.name === name)
          .map(dayOf);
      expect(named("Ostersonntag")).toEqual([namedDayDate("ostersonntag", year)]);
      expect(named("Pfingstsonntag")).toEqual([namedDayDate("pfingstsonntag", year)]);
      expect(named("Fronleichnam", bavaria)).toEqual([namedDayDate("fronleichnam", year)]);
    }
  });

  it("names a date in German", () => {
    expect(namedDayOn("2026-12-25")).toBe("1. Weihnachtstag");
    expect(namedDayOn("2026-12-24")).toBe("Heiligabend");
    expect(namedDayOn("2027-03-26")).toBe("Karfreitag");
    expect(namedDayOn("2026-06-04")).toBe("Fronleichnam");
    expect(namedDayOn("2026-06-05")).toBeNull();
    expect(namedDayOn("2008-05-01")).toBe("Tag der Arbeit und Christi Himmelfahrt");
  });

  it("tells nationwide holidays from regional and ordinary named days", () => {
    expect(isNationwideHoliday("2026-10-03")).toBe(true);
    expect(isNationwideHoliday("2026-06-04")).toBe(false);
    expect(isNationwideHoliday("2026-12-24")).toBe(false);
    expect(namedDaysOn("2026-11-01")).toEqual([{ key: "allerheiligen", name: "Allerheiligen", nationwide: false }]);
  });
});
