import { minutesOfDay } from "../companies";
import { addDays, localDayClockMs, minutesIntoLocalDay, zonedInstant, type LocalDate } from "../time";
import type { Span } from "./types";

/** Local midnight to the next local midnight (23 or 25 hours on DST days). */
export function dayBounds(date: LocalDate, timeZone: string): Span {
  return { start: zonedInstant(date, 0, timeZone), end: zonedInstant(addDays(date, 1), 0, timeZone) };
}

/** A wall-clock range ("09:00"–"18:00", seconds allowed) of a local date as instants. */
export function wallSpan(date: LocalDate, start: string, end: string, timeZone: string): Span {
  return {
    start: zonedInstant(date, minutesOfDay(start.slice(0, 5)), timeZone),
    end: zonedInstant(date, minutesOfDay(end.slice(0, 5)), timeZone),
  };
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && a.end > b.start;

/** The part of `span` inside `bounds`, or null. */
export function clip<T extends Span>(span: T, bounds: Span): T | null {
  if (!overlaps(span, bounds)) return null;
  return {
    ...span,
    start: span.start < bounds.start ? bounds.start : span.start,
    end: span.end > bounds.end ? bounds.end : span.end,
  };
}

/** Where both lists of spans hold (each list may contain several ranges). */
export function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a)
    for (const y of b) {
      const start = x.start > y.start ? x.start : y.start;
      const end = x.end < y.end ? x.end : y.end;
      if (start < end) out.push({ start, end });
    }
  return out.sort((p, q) => p.start.getTime() - q.start.getTime());
}

/** `spans` with every hole taken out (a range may split in two). */
export function subtract(spans: Span[], holes: Span[]): Span[] {
  let rest = spans;
  for (const hole of holes) {
    rest = rest.flatMap((s) => {
      if (!overlaps(s, hole)) return [s];
      const parts: Span[] = [];
      if (hole.start > s.start) parts.push({ start: s.start, end: hole.start });
      if (hole.end < s.end) parts.push({ start: hole.end, end: s.end });
      return parts;
    });
  }
  return rest;
}

/**
 * The starts on the salon's slot grid (local wall clock, e.g. every 15 minutes from midnight) inside
 * a free span of one local date with a whole grid step free after them.
 */
export function gridStarts(span: Span, date: LocalDate, stepMinutes: number, timeZone: string): Date[] {
  const clock = localDayClockMs(date, timeZone);
  const first = Math.ceil(minutesIntoLocalDay(span.start, timeZone) / stepMinutes) * stepMinutes;
  const out: Date[] = [];
  const from = span.start.getTime();
  const until = span.end.getTime() - stepMinutes * 60_000;
  for (let minute = first; minute < 24 * 60; minute += stepMinutes) {
    const ms = clock(minute);
    if (ms === null || ms < from) continue;
    if (ms > until) break;
    out.push(new Date(ms));
  }
  return out;
}
