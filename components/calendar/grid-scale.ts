import type { Calendar, Span } from "@/lib/calendar";
import { formatDateDe, formatTimeDe, localDate, minutesIntoLocalDay, weekdayDe, zonedInstant } from "@/lib/time";

/** The rows of the time grid: whole hours from the earliest to the latest thing shown, and pixels per minute. */
export type Scale = { from: number; to: number; pxPerMinute: number; timeZone: string; slotMinutes: number };

const DAY = 24 * 60;

/** Minutes after local midnight of `date`; an instant on the next day counts as 24:00. */
export function minuteOf(instant: Date, date: string, timeZone: string): number {
  if (localDate(instant, timeZone) > date) return DAY;
  if (localDate(instant, timeZone) < date) return 0;
  return minutesIntoLocalDay(instant, timeZone);
}

/** From the first opening, working hour or appointment to the last, in whole hours (08:00–20:00 when empty). */
export function scaleOf(calendar: Calendar): Scale {
  let from = DAY;
  let to = 0;
  const take = (date: string, span: Span) => {
    from = Math.min(from, minuteOf(span.start, date, calendar.timeZone));
    to = Math.max(to, minuteOf(span.end, date, calendar.timeZone));
  };
  for (const day of calendar.days) for (const span of day.opening) take(day.date, span);
  for (const column of calendar.columns)
    for (const day of column.days) for (const span of [...day.working, ...day.appointments]) take(day.date, span);
  if (from >= to) [from, to] = [8 * 60, 20 * 60];
  return {
    from: Math.floor(from / 60) * 60,
    to: Math.ceil(to / 60) * 60,
    pxPerMinute: calendar.view === "day" ? 1.6 : 0.8,
    timeZone: calendar.timeZone,
    slotMinutes: calendar.slotMinutes,
  };
}

/** Where a span sits in a day's column (null when outside the visible hours). */
export function place(span: Span, date: string, scale: Scale, minHeight = 14): React.CSSProperties | null {
  const start = Math.max(minuteOf(span.start, date, scale.timeZone), scale.from);
  const end = Math.min(minuteOf(span.end, date, scale.timeZone), scale.to);
  if (end <= start) return null;
  return {
    top: `${(start - scale.from) * scale.pxPerMinute}px`,
    height: `${Math.max((end - start) * scale.pxPerMinute, minHeight)}px`,
  };
}

export const timeRange = (span: Span, timeZone: string) =>
  `${formatTimeDe(span.start, timeZone)}–${formatTimeDe(span.end, timeZone)}`;

/** "Montag, 15.03.2027" for a salon-local date. */
export function dayTitle(date: string, timeZone: string): string {
  const noon = zonedInstant(date, 12 * 60, timeZone);
  return `${weekdayDe(noon, timeZone)}, ${formatDateDe(noon, timeZone)}`;
}

/** ISO calendar week (KW) of a date. */
export function calendarWeek(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (4 - (d.getUTCDay() || 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}
