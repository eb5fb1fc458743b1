import { localParts } from "./zoned";

/** German weekday names in ISO order (index 0 = Montag) and month names (index 0 = Januar): the one list. */
export const WEEKDAY_NAMES_DE = [
  "Montag",
  "Dienstag",
  "Mittwoch",
  "Donnerstag",
  "Freitag",
  "Samstag",
  "Sonntag",
] as const;
export const MONTH_NAMES_DE = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
] as const;
const WEEKDAYS = WEEKDAY_NAMES_DE;
const MONTHS = MONTH_NAMES_DE;
const two = (n: number) => String(n).padStart(2, "0");

/** "Freitag, 28. November 2025" */
export function dateSpoken(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${WEEKDAYS[p.weekday - 1]}, ${p.day}. ${MONTHS[p.month - 1]} ${p.year}`;
}

/** "Freitag, den 28. November" — how the agent says a day. */
export function daySpoken(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${WEEKDAYS[p.weekday - 1]}, den ${p.day}. ${MONTHS[p.month - 1]}`;
}

/** "10 Uhr", "10 Uhr 30", "9 Uhr 5" — how Germans say a clock time. */
export function timeSpoken(instant: Date, timeZone: string): string {
  const { hour, minute } = localParts(instant, timeZone);
  return minute === 0 ? `${hour} Uhr` : `${hour} Uhr ${minute}`;
}

/** "Freitag, den 28. November, um 10 Uhr" */
export function dateTimeSpoken(instant: Date, timeZone: string): string {
  return `${daySpoken(instant, timeZone)}, um ${timeSpoken(instant, timeZone)}`;
}

export function weekdayDe(instant: Date, timeZone: string): string {
  return WEEKDAYS[localParts(instant, timeZone).weekday - 1]!;
}

/** Admin UI: "28.11.2025, 10:00" */
export function formatDateTimeDe(instant: Date, timeZone: string): string {
  return `${formatDateDe(instant, timeZone)}, ${formatTimeDe(instant, timeZone)}`;
}

export function formatDateDe(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${two(p.day)}.${two(p.month)}.${p.year}`;
}

export function formatTimeDe(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** "2 h 15 min", "45 min" */
export function formatDurationDe(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function formatEuro(cents: number): string {
  return new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(cents / 100);
}

const pluralRules = new Intl.PluralRules("de-DE");

/** "1 Termin", "3 Termine", "0 Termine": the number with the German singular or plural form. */
export function countDe(n: number, one: string, many: string): string {
  return `${n} ${pluralRules.select(n) === "one" ? one : many}`;
}
