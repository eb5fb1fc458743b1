import { addDays, daysBetween, isoWeekday, localDayClock, type LocalDate } from "../../time";
import { salonMinute } from "./day-parts";
import type { FieldReading } from "./field-meanings";
import type { DayPart, Meaning } from "./meaning";
import type { ParsedWhen } from "./parse-when";
import { QUESTIONS } from "./questions";

type Failure = Extract<ParsedWhen, { ok: false }>;
type Outcome<T> = { ok: true; value: T } | Failure;
type Of<K extends Meaning["type"]> = Extract<Meaning, { type: K }>;

const unclear = (question: string): Failure => ({ ok: false, reason: "unclear", question });
const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** The said weekday nearest to `date`; not before today unless `date` itself is past. */
function nearestWeekday(date: LocalDate, said: number, today: LocalDate): LocalDate {
  const later = addDays(date, (said - isoWeekday(date) + 7) % 7);
  const earlier = addDays(later, -7);
  const earlierIsCloser = daysBetween(earlier, date) < daysBetween(date, later);
  return earlierIsCloser && (earlier >= today || date < today) ? earlier : later;
}

/** Weekdays only vouch for the day of the week: "Montag, den 1. Dezember" trusts the date. */
function pickDate(dates: Of<"date">[], today: LocalDate): Outcome<LocalDate | null> {
  // Beside a past phrase ("gestern, den 25.11."), a date without a year keeps this year's.
  const pastSaid = dates.some((d) => d.date < today);
  const dateOf = (d: Of<"date">) => (pastSaid && d.thisYear ? d.thisYear : d.date);
  const anchors = unique(dates.filter((d) => d.kind !== "weekday").map(dateOf));
  const weekdays = unique(dates.filter((d) => d.kind === "weekday").map(dateOf));
  const [first, second] = anchors.length > 0 ? anchors : weekdays;
  if (first !== undefined && second !== undefined) return unclear(QUESTIONS.whichDate(first, second));
  if (anchors.length === 1 && first !== undefined) {
    const clash = weekdays.find((w) => isoWeekday(w) !== isoWeekday(first));
    if (clash) return unclear(QUESTIONS.weekdayMismatch(first, nearestWeekday(first, isoWeekday(clash), today)));
  }
  return { ok: true, value: first ?? null };
}

function pickMinute(times: Of<"time">[], dayParts: DayPart[]): Outcome<number | null> {
  const [part = null, otherPart] = unique(dayParts);
  if (part !== null && otherPart !== undefined) return unclear(QUESTIONS.whichDayPart(part, otherPart));
  const [minute, otherMinute] = unique(times.map((t) => salonMinute(t.hour, t.minute, t.clock24, part)));
  if (minute !== undefined && otherMinute !== undefined) return unclear(QUESTIONS.whichTime(minute, otherMinute));
  if (minute !== undefined && minute % 1440 === 0) return unclear(QUESTIONS.midnight);
  // "mittags" alone is a time of its own; other day parts without an hour leave the time open.
  return { ok: true, value: minute ?? (part === "noon" ? 12 * 60 : null) };
}

/** Combines what the date and time arguments said into one answer, or one question back. */
export function resolve(readings: FieldReading[], timeZone: string, today: LocalDate): ParsedWhen {
  const meanings = readings.flatMap((r) => r.meanings);
  const of = <K extends Meaning["type"]>(type: K) => meanings.filter((m): m is Of<K> => m.type === type);
  const problems = of("problem");
  const impossible = problems.find((p) => p.reason === "impossible");
  if (impossible) return { ok: false, reason: "impossible", question: impossible.question };

  const date = pickDate(of("date"), today);
  if (!date.ok) return date;
  if (date.value === null) {
    const vague = problems.find((p) => p.scope === "date");
    if (vague) return unclear(vague.question);
    if (readings.some((r) => r.unknownWords)) return unclear(QUESTIONS.notUnderstood);
    return { ok: false, reason: "missing", question: QUESTIONS.missingDate };
  }

  // A year no salon books in (e.g. "9999-12-31") is a slip of the tongue or the form, not a date.
  const year = Number(date.value.slice(0, 4));
  if (year < 1900 || year > 2200) return { ok: false, reason: "impossible", question: QUESTIONS.notUnderstood };

  // Two clock times ("um zehn bis halb elf") are the better question than the "bis" beside them.
  const minute = pickMinute(
    of("time"),
    of("daypart").map((d) => d.part),
  );
  if (!minute.ok) return minute;
  const timeProblem = problems.find((p) => p.scope === "time");
  if (timeProblem) return unclear(timeProblem.question);
  if (minute.value === null) {
    const timeGarbled = readings.some((r) => r.field === "time" && r.unknownWords) && of("daypart").length === 0;
    if (timeGarbled) return unclear(QUESTIONS.timeNotUnderstood);
    return { ok: true, date: date.value, minute: null, start: null };
  }

  const start = localDayClock(date.value, timeZone)(minute.value);
  if (!start) return { ok: false, reason: "impossible", question: QUESTIONS.dstGap(date.value, minute.value) };
  return { ok: true, date: date.value, minute: minute.value, start };
}
