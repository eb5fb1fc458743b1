import type { Parser } from "chrono-node";
import { addDays, isoWeekday, type LocalDate } from "../../time";
import { phraseParser, problem, type Meaning } from "./meaning";
import { COUNT_PATTERN, WEEKDAY_PATTERN, parseCount, parseWeekday } from "./numbers";
import { QUESTIONS } from "./questions";

const W = `(${WEEKDAY_PATTERN})`;
const OFFSET = `in\\s+(${COUNT_PATTERN})\\s+(woche(?:n)?|tag(?:en)?)(?!\\w)`;

const relative = (date: LocalDate): Meaning => ({ type: "date", kind: "relative", date });

function offsetDays(count: string, unit: string): number | null {
  const n = parseCount(count);
  return n === null ? null : unit.startsWith("woche") ? 7 * n : n;
}

/**
 * A weekday with a day count that is no whole number of weeks ("Freitag in drei Tagen") says the
 * same day twice: today + n, which must be that weekday, or resolve.ts asks which one is meant.
 */
function apposition(today: LocalDate, days: number, day: number): Meaning[] {
  const coming = addDays(today, (day - isoWeekday(today) + 7) % 7 || 7);
  return [relative(addDays(today, days)), { type: "date", kind: "weekday", date: coming }];
}

// "Freitag in einer Woche", "Mittwoch in 14 Tagen", "am Freitag in zwei Wochen".
// Rule: the coming such weekday (strictly after today), plus the weeks: said on Wednesday,
// "Freitag in einer Woche" is the Friday 9 days later. Said on a Friday it could be 7 or 14 days: ask.
const WEEKDAY_THEN_OFFSET = new RegExp(`(?<!\\w)(?:am\\s+)?${W}\\s*,?\\s*${OFFSET}`);

const weekdayThenOffset = phraseParser(WEEKDAY_THEN_OFFSET, (match, { salonToday }) => {
  const [, word, count, unit] = match;
  const day = parseWeekday(word!);
  const days = offsetDays(count!, unit!);
  if (day === null || days === null) return null;
  if (days % 7 !== 0) return apposition(salonToday, days, day);
  if (day === isoWeekday(salonToday)) {
    const [sooner, later] = [addDays(salonToday, days), addDays(salonToday, days + 7)];
    return [problem("date", "unclear", QUESTIONS.whichDate(sooner, later))];
  }
  return [relative(addDays(salonToday, ((day - isoWeekday(salonToday) + 7) % 7) + days))];
});

// "in einer Woche am Freitag", "in zwei Wochen am Mittwoch", "in 14 Tagen, Mittwoch".
// Rule: that weekday in the calendar week (Monday–Sunday) so many weeks after the current one.
const OFFSET_THEN_WEEKDAY = new RegExp(`(?<!\\w)${OFFSET}\\s*,?\\s*(?:am\\s+)?${W}(?!\\w)`);

const offsetThenWeekday = phraseParser(OFFSET_THEN_WEEKDAY, (match, { salonToday }) => {
  const [, count, unit, word] = match;
  const day = parseWeekday(word!);
  const days = offsetDays(count!, unit!);
  if (day === null || days === null) return null;
  if (days % 7 !== 0) return apposition(salonToday, days, day);
  return [relative(addDays(salonToday, days + day - isoWeekday(salonToday)))];
});

export const weekOffsetParsers: Parser[] = [weekdayThenOffset, offsetThenWeekday];
