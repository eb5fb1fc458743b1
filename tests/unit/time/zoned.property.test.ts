import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isoWithOffset,
  localDate,
  localDayClock,
  localTime,
  minutesIntoLocalDay,
  zonedInstant,
} from "@/lib/time/zoned";

// Salons are in Europe/Berlin; the others cover negative, half- and quarter-hour offsets,
// a 30-minute DST shift and a zone without DST.
const ZONES = [
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Asia/Kolkata",
  "UTC",
];
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2031, 0, 1);
// Minutes near the DST switches of these zones, so gaps and overlaps are hit often.
const SWITCH_DAYS = [
  "2025-03-30",
  "2025-10-26",
  "2026-03-29",
  "2026-10-25",
  "2025-03-09",
  "2025-11-02",
  "2025-04-06",
  "2025-10-05",
];

const reference = {
  localDate: (t: Date, tz: string) => formatInTimeZone(t, tz, "yyyy-MM-dd"),
  localTime: (t: Date, tz: string) => formatInTimeZone(t, tz, "HH:mm"),
  iso: (t: Date, tz: string) => formatInTimeZone(t, tz, "yyyy-MM-dd'T'HH:mm:ssXXX"),
  zonedInstant: (date: string, minute: number, tz: string) =>
    fromZonedTime(
      `${date}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00`,
      tz,
    ),
};

describe("lib/time/zoned agrees with date-fns-tz", () => {
  it("formats any instant like formatInTimeZone", () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), fc.constantFrom(...ZONES), (ms, tz) => {
        const t = new Date(Math.floor(ms / 1000) * 1000);
        expect(localDate(t, tz)).toBe(reference.localDate(t, tz));
        expect(localTime(t, tz)).toBe(reference.localTime(t, tz));
        expect(isoWithOffset(t, tz)).toBe(reference.iso(t, tz));
        const [h, m] = reference.localTime(t, tz).split(":").map(Number);
        expect(minutesIntoLocalDay(t, tz)).toBe(h! * 60 + m!);
      }),
      { numRuns: 3000 },
    );
  });

  it("maps wall-clock times to instants like fromZonedTime, DST gaps and overlaps included", () => {
    const day = fc.oneof(
      fc.constantFrom(...SWITCH_DAYS),
      fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1439 }), fc.constantFrom(...ZONES), (date, minute, tz) => {
        expect(zonedInstant(date, minute, tz).toISOString()).toBe(
          reference.zonedInstant(date, minute, tz).toISOString(),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it("knows the Berlin DST days: the missing 02:30 and the doubled one", () => {
    expect(zonedInstant("2026-03-29", 150, "Europe/Berlin").toISOString()).toBe(
      reference.zonedInstant("2026-03-29", 150, "Europe/Berlin").toISOString(),
    );
    const spring = localDayClock("2026-03-29", "Europe/Berlin");
    expect(spring(150)).toBeNull();
    expect(spring(180)!.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    const autumn = localDayClock("2026-10-25", "Europe/Berlin");
    expect(autumn(150)!.toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(isoWithOffset(new Date("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("2026-10-25T02:30:00+02:00");
    expect(isoWithOffset(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("2026-10-25T02:30:00+01:00");
  });
});

describe("German formatting agrees with date-fns (de locale)", () => {
  it("says and shows any instant as date-fns formats it", async () => {
    const { de } = await import("date-fns/locale");
    const { dateSpoken, daySpoken, formatDateTimeDe, timeSpoken, weekdayDe } = await import("@/lib/time/format-de");
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), fc.constantFrom(...ZONES), (ms, tz) => {
        const t = new Date(ms);
        expect(dateSpoken(t, tz)).toBe(formatInTimeZone(t, tz, "EEEE, d. MMMM yyyy", { locale: de }));
        expect(daySpoken(t, tz)).toBe(formatInTimeZone(t, tz, "EEEE, 'den' d. MMMM", { locale: de }));
        expect(weekdayDe(t, tz)).toBe(formatInTimeZone(t, tz, "EEEE", { locale: de }));
        expect(formatDateTimeDe(t, tz)).toBe(formatInTimeZone(t, tz, "dd.MM.yyyy, HH:mm", { locale: de }));
        const [h, m] = formatInTimeZone(t, tz, "H:m").split(":").map(Number);
        expect(timeSpoken(t, tz)).toBe(m === 0 ? `${h} Uhr` : `${h} Uhr ${m}`);
      }),
      { numRuns: 2000 },
    );
  });
});
