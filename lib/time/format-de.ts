import { formatInTimeZone } from "date-fns-tz";
import { de } from "date-fns/locale";

/** "Freitag, 28. November 2025" */
export function dateSpoken(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "EEEE, d. MMMM yyyy", { locale: de });
}

/** "Freitag, den 28. November" — how the agent says a day. */
export function daySpoken(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "EEEE, 'den' d. MMMM", { locale: de });
}

/** "10 Uhr", "10 Uhr 30", "9 Uhr 5" — how Germans say a clock time. */
export function timeSpoken(instant: Date, timeZone: string): string {
  const [h, m] = formatInTimeZone(instant, timeZone, "H:m").split(":").map(Number);
  return m === 0 ? `${h} Uhr` : `${h} Uhr ${m}`;
}

/** "Freitag, den 28. November, um 10 Uhr" */
export function dateTimeSpoken(instant: Date, timeZone: string): string {
  return `${daySpoken(instant, timeZone)}, um ${timeSpoken(instant, timeZone)}`;
}

export function weekdayDe(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "EEEE", { locale: de });
}

/** Admin UI: "28.11.2025, 10:00" */
export function formatDateTimeDe(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "dd.MM.yyyy, HH:mm", { locale: de });
}

export function formatDateDe(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "dd.MM.yyyy", { locale: de });
}

export function formatTimeDe(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "HH:mm", { locale: de });
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
