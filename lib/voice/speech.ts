import type { Candidate } from "../booking/availability";
import { daySpoken, timeSpoken } from "../time/format-de";
import { addDays, isoWithOffset, localDate } from "../time/zoned";
import { listOr } from "./matching";

/** "heute, Freitag, den 28. November, um 10 Uhr" — never ISO in what the agent says. */
export function whenSpoken(start: Date, timeZone: string, now: Date): string {
  const day = localDate(start, timeZone);
  const today = localDate(now, timeZone);
  const prefix = day === today ? "heute, " : day === addDays(today, 1) ? "morgen, " : "";
  return `${prefix}${daySpoken(start, timeZone)}, um ${timeSpoken(start, timeZone)}`;
}

export function dayOnlySpoken(date: Date, timeZone: string, now: Date): string {
  const day = localDate(date, timeZone);
  const today = localDate(now, timeZone);
  const prefix = day === today ? "heute, " : day === addDays(today, 1) ? "morgen, " : "";
  return `${prefix}${daySpoken(date, timeZone)}`;
}

/** "2 Stunden und 15 Minuten", "1 Stunde", "30 Minuten" */
export function durationSpoken(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 1 ? "1 Stunde" : `${h} Stunden`;
  if (h === 0) return `${m} Minuten`;
  return m === 0 ? hours : `${hours} und ${m} Minuten`;
}

/**
 * Alternatives as one phrase: same day by time, other days with their date. The stylist is named
 * unless it is the one the caller asked for (`askedFor`, by name: duplicate records share it).
 */
export function alternativesSpoken(options: Candidate[], timeZone: string, requestedDay: string, now: Date, askedFor: string | null): string {
  return listOr(
    options.map((c) => {
      const when = localDate(c.start, timeZone) === requestedDay ? `um ${timeSpoken(c.start, timeZone)}` : whenSpoken(c.start, timeZone, now);
      return c.staffName === askedFor ? when : `${when} bei ${c.staffName}`;
    }),
  );
}

export const alternativesJson = (options: Candidate[], timeZone: string) =>
  options.map((c) => ({ start: isoWithOffset(c.start, timeZone), end: isoWithOffset(c.end, timeZone), staff_name: c.staffName }));

export function phasesJson(phases: { segmentKey: string; segmentName: string; start: Date; end: Date; staffRequired: boolean }[], timeZone: string) {
  return phases.map((p) => ({
    key: p.segmentKey,
    name: p.segmentName,
    start: isoWithOffset(p.start, timeZone),
    end: isoWithOffset(p.end, timeZone),
    staff_required: p.staffRequired,
  }));
}
