import type { Parser } from "chrono-node";
import type { LocalDate } from "../../time";
import { problem, phraseParser, type Meaning } from "./meaning";
import { MONTH_PATTERN, ORDINAL_PATTERN, parseMonth, parseOrdinal } from "./numbers";
import { QUESTIONS } from "./questions";

function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A calendar date, or the reason it cannot exist. Without a year the date is this year's,
 * or next year's once this year's has passed ("28.11." said on 30 November).
 */
export function calendarDate(day: number, month: number, year: number | null, today: LocalDate): Meaning {
  if (month < 1 || month > 12) return problem("date", "impossible", QUESTIONS.noSuchMonth(month));
  if (day < 1 || day > daysInMonth(month, 2000)) return problem("date", "impossible", QUESTIONS.noSuchDay(day, month));
  const thisYear = Number(today.slice(0, 4));
  const rolled = year === null && isoDate(thisYear, month, day) < today;
  const resolvedYear = year ?? (rolled ? thisYear + 1 : thisYear);
  if (day > daysInMonth(month, resolvedYear)) {
    return problem("date", "impossible", QUESTIONS.noSuchDayInYear(day, month, resolvedYear));
  }
  const date = isoDate(resolvedYear, month, day);
  if (!rolled || day > daysInMonth(month, thisYear)) return { type: "date", kind: "calendar", date };
  return { type: "date", kind: "calendar", date, thisYear: isoDate(thisYear, month, day) };
}

function parseYear(text: string | undefined): number | null {
  if (!text) return null;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

// "28.11.", "28.11.2025", "28.11.25", "28. 11." and, in the date field only, "28.11".
const NUMERIC_DATE = /(?<![\w.:-])(\d{1,2})\.\s?(\d{1,2})(\.(\d{4}|\d{2})?)?(?![\w:]|\.\d|\s*uhr(?!\w))/;

const numericDateParser = phraseParser(NUMERIC_DATE, (match, option) => {
  const [, day, month, trailingDot, year] = match;
  // "10.30" without a trailing dot is a time unless it is said where a date is expected.
  if (!trailingDot && (option.field === "time" || Number(month) > 12)) return null;
  return [calendarDate(Number(day), Number(month), parseYear(year), option.salonToday)];
});

const ISO_DATE = /(?<![\w.:-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w:-])/;

const isoDateParser = phraseParser(ISO_DATE, (match, option) => {
  const [, year, month, day] = match;
  return [calendarDate(Number(day), Number(month), Number(year), option.salonToday)];
});

// "am 28. November", "28. Nov", "den 28. November 2026", "am ersten Dezember".
const DAY_MONTH_NAME = new RegExp(
  `(?<![\\w.])(?:(?:am|den)\\s+)?(?:(\\d{1,2})\\.?|(${ORDINAL_PATTERN}))\\s*(${MONTH_PATTERN})\\.?(?!\\w)(?:\\s*,?\\s*(\\d{4})(?![\\w:.]))?`,
);

const dayMonthNameParser = phraseParser(DAY_MONTH_NAME, (match, option) => {
  const [, digits, ordinal, monthWord, year] = match;
  const day = digits ? Number(digits) : parseOrdinal(ordinal ?? "");
  const month = parseMonth(monthWord ?? "");
  if (day === null || month === null) return null;
  return [calendarDate(day, month, parseYear(year), option.salonToday)];
});

/**
 * A day of the month without a month ("am dritten", "den 15."): this month while that day is
 * today or still ahead, else next month. A month without that day ("am 31." in November) asks back.
 */
export function dayOfMonth(day: number, today: LocalDate): Meaning {
  if (day < 1 || day > 31) return problem("date", "impossible", QUESTIONS.noSuchDayOfMonth(day));
  const [year, month, todayDay] = today.split("-").map(Number) as [number, number, number];
  if (day >= todayDay) return calendarDate(day, month, year, today);
  return month === 12 ? calendarDate(day, 1, year + 1, today) : calendarDate(day, month + 1, year, today);
}

// Not before a second number ("den 1. 12." is a date) unless that is a clock time ("am 15. 10 Uhr"),
// and not before a word that makes the ordinal something else ("am dritten Advent", "der zweiten Woche").
const NOT_A_MONTH = "(?!\\s?\\d(?!\\d?\\s*uhr|\\d?[:.]\\d\\d(?![\\d.])))";
const NOT_A_NOUN = "(?!\\s+(?:advent|woche|monat|jahr|quartal|mal|termin|stunde|tag|weihnacht|feiertag))";
const DAY = `(?:(\\d{1,2})\\.|(${ORDINAL_PATTERN}))(?!\\w)${NOT_A_MONTH}${NOT_A_NOUN}`;
// "den 10. oder 11." names two days: both are kept, so resolve.ts asks which.
const DAY_OF_MONTH = new RegExp(
  `(?<![\\w.])(?:am|den)\\s+${DAY}(?:\\s*(?:oder|und|bis|-)\\s*(?:am\\s+|den\\s+)?${DAY})?`,
);

const dayOfMonthParser = phraseParser(DAY_OF_MONTH, (match, option) => {
  const days = [
    [match[1], match[2]],
    [match[3], match[4]],
  ]
    .filter(([digits, word]) => digits !== undefined || word !== undefined)
    .map(([digits, word]) => (digits ? Number(digits) : parseOrdinal(word ?? "")));
  if (days.some((day) => day === null)) return null;
  return days.map((day) => dayOfMonth(day!, option.salonToday));
});

export const calendarDateParsers: Parser[] = [isoDateParser, numericDateParser, dayMonthNameParser, dayOfMonthParser];
