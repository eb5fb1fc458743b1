import { formatInTimeZone, fromZonedTime } from "date-fns-tz";

/** A calendar date in the salon's zone, "yyyy-MM-dd". */
export type LocalDate = string;

export function localDate(instant: Date, timeZone: string): LocalDate {
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd");
}

export function localTime(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "HH:mm");
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

/** The instant at which the salon's wall clock shows `date` `minutes` after midnight. */
export function zonedInstant(date: LocalDate, minutesAfterMidnight: number, timeZone: string): Date {
  const h = Math.floor(minutesAfterMidnight / 60);
  const m = minutesAfterMidnight % 60;
  const wall = `${date}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00`;
  return fromZonedTime(wall, timeZone);
}

/** Minutes after local midnight of the instant's local date. */
export function minutesIntoLocalDay(instant: Date, timeZone: string): number {
  const [h, m] = localTime(instant, timeZone).split(":").map(Number);
  return h! * 60 + m!;
}

/** ISO 8601 with the salon's UTC offset, e.g. 2025-11-28T10:00:00+01:00 (contract §1). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Maps "minutes after local midnight" to instants for one salon day. On ordinary days this is
 * plain arithmetic; on DST days each minute goes through the zone, and wall-clock times that do
 * not exist (02:30 on the spring-forward Sunday) give null.
 */
export function localDayClock(date: LocalDate, timeZone: string): (minute: number) => Date | null {
  const midnight = zonedInstant(date, 0, timeZone);
  const next = zonedInstant(addDays(date, 1), 0, timeZone);
  if (next.getTime() - midnight.getTime() === 24 * 60 * 60_000) {
    return (minute) => new Date(midnight.getTime() + minute * 60_000);
  }
  return (minute) => {
    const instant = zonedInstant(date, minute, timeZone);
    return minutesIntoLocalDay(instant, timeZone) === minute && localDate(instant, timeZone) === date ? instant : null;
  };
}
