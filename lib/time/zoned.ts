/**
 * Salon-local dates and times. The zone's UTC offset comes from Intl (the IANA database Node
 * ships) and is memoised per 15-minute slice of time: every offset change of a modern zone falls
 * on a quarter hour, so the memo is exact, and the booking hot paths (thousands of candidate
 * starts per availability check) no longer format dates through Intl one by one. Semantics,
 * including DST gaps and overlaps, follow date-fns-tz's fromZonedTime/formatInTimeZone; a property
 * test compares the two.
 */

/** A calendar date in the salon's zone, "yyyy-MM-dd". */
export type LocalDate = string;

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_MEMO = 100_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (east positive): local wall clock − UTC. */
export function utcOffsetMs(instantMs: number, timeZone: string): number {
  const slice = Math.floor(instantMs / QUARTER_HOUR_MS);
  const key = `${timeZone}|${slice}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const probe = slice * QUARTER_HOUR_MS;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(probe)))
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  const offset = wall - probe;
  if (offsets.size >= MAX_MEMO) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The instant shifted so that its UTC fields show the salon's wall clock. */
const wallClock = (instant: Date, timeZone: string): Date =>
  new Date(instant.getTime() + utcOffsetMs(instant.getTime(), timeZone));

export type LocalParts = { year: number; month: number; day: number; weekday: number; hour: number; minute: number };

/** The salon's wall clock at an instant, field by field (month 1–12, weekday 1 = Monday … 7). */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const w = wallClock(instant, timeZone);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    weekday: w.getUTCDay() || 7,
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
  };
}

export function localDate(instant: Date, timeZone: string): LocalDate {
  return wallClock(instant, timeZone).toISOString().slice(0, 10);
}

export function localTime(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).toISOString().slice(11, 16);
}

/** Calendar arithmetic on a date string, independent of time zones and DST. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number);
  const utc = new Date(Date.UTC(y!, m! - 1, d! + days));
  return utc.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The instant at which the salon's wall clock shows `date` `minutes` after midnight. A wall time
 * that does not exist (02:30 on the spring-forward Sunday) maps past the gap; one that exists
 * twice (02:30 on the fall-back Sunday) maps to its second occurrence, in standard time — as
 * date-fns-tz does.
 */
export function zonedInstant(date: LocalDate, minutesAfterMidnight: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y!, m! - 1, d!) + minutesAfterMidnight * 60_000;
  const guess = utcOffsetMs(wall, timeZone);
  let utc = wall - guess;
  const o2 = utcOffsetMs(utc, timeZone);
  if (o2 === guess) return new Date(utc);
  utc -= o2 - guess;
  const o3 = utcOffsetMs(utc, timeZone);
  return new Date(wall - (o2 === o3 ? o2 : Math.max(o2, o3)));
}

/** Minutes after local midnight of the instant's local date. */
export function minutesIntoLocalDay(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

/** ISO 8601 with the salon's UTC offset, e.g. 2025-11-28T10:00:00+01:00 (contract §1). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const offset = utcOffsetMs(instant.getTime(), timeZone);
  const local = new Date(instant.getTime() + offset).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${local}${offset < 0 ? "-" : "+"}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Maps "minutes after local midnight" to epoch milliseconds for one salon day. On ordinary days
 * this is plain arithmetic; on DST days each minute goes through the zone, and wall-clock times
 * that do not exist (02:30 on the spring-forward Sunday) give null.
 */
export function localDayClockMs(date: LocalDate, timeZone: string): (minute: number) => number | null {
  const midnight = zonedInstant(date, 0, timeZone).getTime();
  const next = zonedInstant(addDays(date, 1), 0, timeZone).getTime();
  if (next - midnight === 24 * 60 * 60_000) return (minute) => midnight + minute * 60_000;
  return (minute) => {
    const instant = zonedInstant(date, minute, timeZone);
    return minutesIntoLocalDay(instant, timeZone) === minute && localDate(instant, timeZone) === date
      ? instant.getTime()
      : null;
  };
}

/** localDayClockMs with Date results. */
export function localDayClock(date: LocalDate, timeZone: string): (minute: number) => Date | null {
  const clock = localDayClockMs(date, timeZone);
  return (minute) => {
    const ms = clock(minute);
    return ms === null ? null : new Date(ms);
  };
}
