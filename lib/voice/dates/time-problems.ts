import type { Parser } from "chrono-node";
import { salonMinute } from "./day-parts";
import { phraseParser, problem, type Meaning } from "./meaning";
import { HOUR_PATTERN } from "./numbers";
import { QUESTIONS } from "./questions";
import { clock, toMeaning } from "./time-phrases";

// Clock readings a receptionist would not book on: each gives a question back, never a time.

const CLOCK = "\\d{1,2}(?:[:.]\\d{2}){0,2}";
const END = "(?![\\w:]|\\.\\d)";

// "-10:00", "-10 Uhr": a minus before a clock time. "10:00-11:00" is a range, handled below.
const NEGATIVE = new RegExp(`(?<![\\w.:-])-\\s?(${CLOCK})(\\s*uhr)?${END}`);

const negativeParser = phraseParser(NEGATIVE, (match, option) => {
  const looksLikeTime = option.field === "time" || /[:.]/.test(match[1]!) || match[2] !== undefined;
  return looksLikeTime ? [problem("time", "impossible", QUESTIONS.negativeTime)] : null;
});

// "1030", "um 930", "1000 Uhr": four digits could be 10:30, but also a typo or a year. Ask.
const DIGITS_ONLY = new RegExp(`(?<![\\w.:-])(um\\s+)?(\\d{3,4})(\\s*uhr)?(?![\\w:-]|\\.\\d)`);

const digitsOnlyParser = phraseParser(DIGITS_ONLY, (match, option) => {
  const [, prefix, digits, uhr] = match;
  if (option.field !== "time" && !prefix && !uhr) return null;
  const hour = Number(digits!.slice(0, -2));
  const minute = Number(digits!.slice(-2));
  if (hour > 23 || minute > 59) return [problem("time", "unclear", QUESTIONS.timeNotUnderstood)];
  const clock24 = hour >= 13 || digits!.startsWith("0");
  return [problem("time", "unclear", QUESTIONS.confirmTime(salonMinute(hour, minute, clock24, null)))];
});

// "zwischen 10 und 11 Uhr", "10-11 Uhr", "von zehn bis elf": two times, so resolve.ts asks which.
// In the date field only with "Uhr" or "zwischen"/"von", so that "10. bis 11." stays out.
const H = `(${HOUR_PATTERN})(?:[:.](\\d{2}))?`;
const RANGE = new RegExp(
  `(?<![\\w.:]|(?:halb|viertel|vor|nach)\\s+)(zwischen\\s+|von\\s+)?${H}(?:\\s*uhr)?` +
    `\\s*(?:-|–|bis|und)\\s*${H}(\\s*uhr)?${END}`,
);

const rangeParser = phraseParser(RANGE, (match, option) => {
  const [, intro, fromHour, fromMinute, toHour, toMinute, uhr] = match;
  if (option.field !== "time" && !intro && !uhr) return null;
  const ends = [clock(fromHour!, fromMinute), clock(toHour!, toMinute)];
  if (ends.some((end) => end === null)) return null;
  return ends.map((end): Meaning => toMeaning(end!));
});

// Any other "bis" in the time field ("halb zehn bis zehn", "bis 10 Uhr") names no single start;
// in the date field only before an hour ("um 10 bis 11"), not before a date ("bis 12. Dezember").
const UNTIL = new RegExp(`(?<!\\w)bis(?!\\w)(\\s+${HOUR_PATTERN}(?![.\\w]))?`);

const untilParser = phraseParser(UNTIL, (match, option) =>
  option.field === "time" || match[1] ? [problem("time", "unclear", QUESTIONS.relativeHours)] : null,
);

export const timeProblemParsers: Parser[] = [negativeParser, digitsOnlyParser, rangeParser, untilParser];
