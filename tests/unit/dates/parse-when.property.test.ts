import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoWeekday, localDate, localDayClock, zonedInstant } from "@/lib/time/zoned";
import { parseWhen } from "@/lib/voice/dates/parse-when";
import { TIME_ZONE, hhmm } from "./phrases";

const WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
const HOUR_WORDS = ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];

/** Any instant between 2024 and 2030, to minute precision. */
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2030, 11, 31) / 60_000 })
  .map((m) => new Date(m * 60_000));

describe("parseWhen properties", () => {
  it("round-trips ISO date and time, or reports the DST gap", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 1439 }),
        (now, offset, minute) => {
          const date = addDays("2024-01-01", offset);
          const result = parseWhen({ date, time: hhmm(minute), now, timeZone: TIME_ZONE });
          const start = localDayClock(date, TIME_ZONE)(minute);
          if (start === null) {
            expect(result).toMatchObject({ ok: false, reason: "impossible" });
            return;
          }
          expect(result).toEqual({ ok: true, date, minute, start: zonedInstant(date, minute, TIME_ZONE) });
        },
      ),
    );
  });

  it("lands every plain or 'nächsten' weekday 1–7 days ahead on that weekday", () => {
    const modifier = fc.constantFrom("", "am ", "nächsten ", "kommenden ", "naechster ");
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 6 }), modifier, (now, day, prefix) => {
        const result = parseWhen({ date: `${prefix}${WEEKDAYS[day]}`, now, timeZone: TIME_ZONE });
        if (!result.ok) throw new Error(result.question);
        const ahead = daysBetween(localDate(now, TIME_ZONE), result.date);
        expect(ahead).toBeGreaterThanOrEqual(1);
        expect(ahead).toBeLessThanOrEqual(7);
        expect(isoWeekday(result.date)).toBe(day + 1);
      }),
    );
  });

  it("never puts 'letzten', 'vergangenen' or 'letzte Woche' weekdays on or after today", () => {
    const forms = fc.constantFrom<[(day: string) => string, number]>(
      [(d) => `letzten ${d}`, 7],
      [(d) => `am vergangenen ${d}`, 7],
      [(d) => `vorigen ${d}`, 7],
      [(d) => `letzte Woche ${d}`, 13],
      [(d) => `${d} letzter Woche`, 13],
      [(d) => `vorletzten ${d}`, 14],
    );
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 6 }), forms, (now, day, [say, maxBack]) => {
        const result = parseWhen({ date: say(WEEKDAYS[day]!), time: "um zehn", now, timeZone: TIME_ZONE });
        if (!result.ok) throw new Error(result.question);
        const back = daysBetween(result.date, localDate(now, TIME_ZONE));
        expect(back).toBeGreaterThanOrEqual(1);
        expect(back).toBeLessThanOrEqual(maxBack);
        expect(isoWeekday(result.date)).toBe(day + 1);
        expect(result.start!.getTime()).toBeLessThan(now.getTime());
      }),
    );
  });

  it("puts 'Freitag in einer Woche' 8–13 days ahead and 'in einer Woche am Freitag' in next week", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 6 }), (now, day) => {
        const today = localDate(now, TIME_ZONE);
        const after = parseWhen({ date: `${WEEKDAYS[day]} in einer Woche`, now, timeZone: TIME_ZONE });
        if (isoWeekday(today) === day + 1) expect(after).toMatchObject({ ok: false, reason: "unclear" });
        else expect(after.ok && daysBetween(today, after.date)).toBeOneOf([8, 9, 10, 11, 12, 13]);
        const before = parseWhen({ date: `in einer Woche am ${WEEKDAYS[day]}`, now, timeZone: TIME_ZONE });
        if (!before.ok) throw new Error(before.question);
        expect(before.date).toBe(addDays(today, 7 + day + 1 - isoWeekday(today)));
      }),
    );
  });

  it("lands 'diesen' weekdays 0–6 days ahead", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 6 }), (now, day) => {
        const result = parseWhen({ date: `diesen ${WEEKDAYS[day]}`, now, timeZone: TIME_ZONE });
        if (!result.ok) throw new Error(result.question);
        expect(daysBetween(localDate(now, TIME_ZONE), result.date)).toBeLessThanOrEqual(6);
        expect(daysBetween(localDate(now, TIME_ZONE), result.date)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("puts dates without a year within the coming year", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), (now, day, month) => {
        const result = parseWhen({ date: `${day}.${month}.`, now, timeZone: TIME_ZONE });
        if (!result.ok) throw new Error(result.question);
        const ahead = daysBetween(localDate(now, TIME_ZONE), result.date);
        expect(ahead).toBeGreaterThanOrEqual(0);
        expect(ahead).toBeLessThan(366);
        expect(result.date.slice(5)).toBe(`${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
      }),
    );
  });

  it("keeps spoken hours within opening hours (salon rule)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), (i) => {
        const result = parseWhen({
          date: "2025-11-28",
          time: `um ${HOUR_WORDS[i]}`,
          now: new Date("2025-11-23T20:04:00Z"),
          timeZone: TIME_ZONE,
        });
        if (!result.ok || result.minute === null) throw new Error("expected a time");
        expect(result.minute / 60).toBe(i + 1 <= 7 ? i + 13 : i + 1);
      }),
    );
  });
});
