import type { QualifiedStaff } from "../catalog";
import { minutesOfDay } from "../companies";
import { isoWeekday, type LocalDate } from "../time";

type WindowMinutes = { from: number; to: number };
const DAY_MINUTES = 24 * 60;

/** The stylist's working hours on that local date, absences not yet taken off. */
export function workingWindows(member: QualifiedStaff, date: LocalDate): WindowMinutes[] {
  const weekday = isoWeekday(date);
  return member.hours
    .filter((h) => h.weekday === weekday)
    .map((h) => ({ from: minutesOfDay(h.start), to: minutesOfDay(h.end) }));
}

/**
 * Minutes of that local date the stylist is away. One-off absences arrive already converted to
 * local (date, minute) by the catalog loader; weekly ones are wall-clock times, so they stay put across DST.
 */
export function absentWindows(member: QualifiedStaff, date: LocalDate): WindowMinutes[] {
  const out: WindowMinutes[] = [];
  const weekday = isoWeekday(date);
  for (const a of member.absences ?? []) {
    if (a.type === "once") {
      if (date < a.fromDate || date > a.toDate) continue;
      const from = date === a.fromDate ? a.fromMinute : 0;
      const to = date === a.toDate ? a.toMinute : DAY_MINUTES;
      if (to > from) out.push({ from, to });
    } else if (a.weekday === weekday && date >= a.validFrom && (a.validUntil === null || date <= a.validUntil)) {
      out.push({ from: minutesOfDay(a.start), to: minutesOfDay(a.end) });
    }
  }
  return out;
}

/** `windows` with every `holes` minute taken out (a range may split in two). */
export function subtractWindows(windows: WindowMinutes[], holes: WindowMinutes[]): WindowMinutes[] {
  let rest = windows;
  for (const hole of holes) {
    rest = rest.flatMap((w) => {
      if (hole.to <= w.from || hole.from >= w.to) return [w];
      const parts: WindowMinutes[] = [];
      if (hole.from > w.from) parts.push({ from: w.from, to: hole.from });
      if (hole.to < w.to) parts.push({ from: hole.to, to: w.to });
      return parts;
    });
  }
  return rest;
}
