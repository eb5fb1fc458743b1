import type { Candidate } from "../booking";
import { isoWithOffset } from "../time";
import { dayPhrase, offersPhrase, whenPhrase } from "./say";

/** "heute um 10 Uhr", "am Freitag, den 28. November, um 10 Uhr" — never ISO in what the agent says. */
export const whenSpoken = (start: Date, timeZone: string, now: Date): string => whenPhrase(start, timeZone, now);

/** "heute", "am Freitag, den 28. November" */
export const dayOnlySpoken = (date: Date, timeZone: string, now: Date): string =>
  dayPhrase(date, timeZone, now).replace(/,$/, "");

/** "2 Stunden und 15 Minuten", "1 Stunde", "30 Minuten" */
export function durationSpoken(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 1 ? "1 Stunde" : `${h} Stunden`;
  if (h === 0) return `${m} Minuten`;
  return m === 0 ? hours : `${hours} und ${m} Minuten`;
}

/** Alternatives as one compact phrase (see offersPhrase); the stylist asked for is not repeated. */
export function alternativesSpoken(
  options: Candidate[],
  timeZone: string,
  requestedDay: string,
  now: Date,
  askedFor: string | null,
): string {
  return offersPhrase(options, timeZone, now, { requestedDay, askedFor });
}

export const alternativesJson = (options: Candidate[], timeZone: string) =>
  options.map((c) => ({
    start: isoWithOffset(c.start, timeZone),
    end: isoWithOffset(c.end, timeZone),
    staff_name: c.staffName,
  }));

export function phasesJson(
  phases: { segmentKey: string; segmentName: string; start: Date; end: Date; staffRequired: boolean }[],
  timeZone: string,
) {
  return phases.map((p) => ({
    key: p.segmentKey,
    name: p.segmentName,
    start: isoWithOffset(p.start, timeZone),
    end: isoWithOffset(p.end, timeZone),
    staff_required: p.staffRequired,
  }));
}
