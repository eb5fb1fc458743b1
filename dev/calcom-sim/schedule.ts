import { dateKey, zonedToUtc } from "./time";
import type { SimUser } from "./types";

/**
 * Working hours. A user with a schedule is bookable inside its weekly windows only; a user without
 * one keeps the simulator's historic default: every day, around the clock for bookings and
 * 08:00–20:00 in the requested zone for slots.
 */

const LEGACY_SLOT_HOURS = { startTime: "08:00", endTime: "20:00" };
export type Window = { open: Date; close: Date };

const hm = (text: string) => text.split(":").map(Number) as [number, number];
const ymd = (key: string) => key.split("-").map(Number) as [number, number, number];

function windowOn(tz: string, day: string, startTime: string, endTime: string): Window {
  const [y, m, d] = ymd(day);
  return { open: zonedToUtc(tz, y, m, d, ...hm(startTime)), close: zonedToUtc(tz, y, m, d, ...hm(endTime)) };
}

/** The calendar days from `from` to `to` (inclusive) as seen in `tz`, a day of margin on both sides. */
function days(from: Date, to: Date, tz: string): string[] {
  const out: string[] = [];
  const [y, m, d] = ymd(dateKey(new Date(from.getTime() - 86_400_000), tz));
  for (let i = 0; i < 400; i++) {
    const key = new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
    out.push(key);
    if (Date.parse(`${key}T00:00:00Z`) > to.getTime() + 2 * 86_400_000) break;
  }
  return out;
}

/** Windows in which slots are offered between `from` and `to`. */
export function slotWindows(user: SimUser, from: Date, to: Date, requestedTz: string): Window[] {
  const s = user.schedule;
  if (!s)
    return days(from, to, requestedTz).map((day) =>
      windowOn(requestedTz, day, LEGACY_SLOT_HOURS.startTime, LEGACY_SLOT_HOURS.endTime),
    );
  return days(from, to, s.timeZone)
    .filter((day) => s.days.includes(new Date(`${day}T12:00:00Z`).getUTCDay()))
    .map((day) => windowOn(s.timeZone, day, s.startTime, s.endTime));
}

/** Whether [start, end) lies inside one of the user's working windows. */
export function withinSchedule(user: SimUser, start: Date, end: Date): boolean {
  if (!user.schedule) return true;
  return slotWindows(user, start, end, user.schedule.timeZone).some((w) => w.open <= start && end <= w.close);
}
