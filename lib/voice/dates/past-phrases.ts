import type { Parser } from "chrono-node";
import { addDays, isoWeekday, type LocalDate } from "../../time";
import { calendarDate } from "./date-phrases";
import { phraseParser, problem, type Meaning } from "./meaning";
import { COUNT_PATTERN, MONTH_PATTERN, WEEKDAY_PATTERN, parseCount, parseMonth, parseWeekday } from "./numbers";
import { QUESTIONS } from "./questions";

// Past phrases resolve strictly before today: parseWhen returns them as they are and the caller
// answers "in_past" with the requested start, instead of booking the coming Friday.
const PAST = "(vorletzt|letzt|vergangen|vorig)e[nrms]?";
const W = `(${WEEKDAY_PATTERN})`;

const weekday = (date: LocalDate): Meaning => ({ type: "date", kind: "weekday", date });

/** The latest such weekday strictly before today; "vorletzten" one week earlier. */
function latestBefore(today: LocalDate, day: number, modifier: string): LocalDate {
  const latest = addDays(today, -((isoWeekday(today) - day + 7) % 7 || 7));
  return modifier === "vorletzt" ? addDays(latest, -7) : latest;
}

/** The weekday `day` of the ISO week one ("letzte Woche") or two ("vorletzte Woche") weeks back. */
function dayOfPastWeek(today: LocalDate, day: number, modifier: string): LocalDate {
  return addDays(today, -7 * (modifier === "vorletzt" ? 2 : 1) + day - isoWeekday(today));
}

// "letzten Freitag", "am vergangenen Dienstag", "vorigen Mittwoch", "vorletzten Montag". Followed by
// "im …", "vor …" or "nach …" it names something else ("letzten Freitag im Jahr"): ask instead.
const PAST_WEEKDAY = new RegExp(`(?<!\\w)(?:am\\s+)?${PAST}\\s+${W}(?!\\w)(\\s*,?\\s*(?:im|des|vor|nach)\\s+\\w+)?`);

const pastWeekdayParser = phraseParser(PAST_WEEKDAY, (match, { salonToday }) => {
  const [, modifier, word, trailer] = match;
  const day = parseWeekday(word!);
  if (day === null) return null;
  if (trailer) return [problem("date", "unclear", QUESTIONS.whichDay)];
  return [weekday(latestBefore(salonToday, day, modifier!))];
});

// "letzte Woche Freitag", "in der vergangenen Woche am Dienstag", "Freitag letzter Woche".
const WEEK_THEN_DAY = new RegExp(`(?<!\\w)(?:in\\s+der\\s+)?${PAST}\\s+woche\\s*,?\\s*(?:am\\s+)?${W}(?!\\w)`);
const DAY_THEN_WEEK = new RegExp(`(?<!\\w)(?:am\\s+)?${W}\\s*,?\\s*(?:in\\s+der\\s+)?${PAST}\\s+woche(?!\\w)`);

const pastWeekParsers = [WEEK_THEN_DAY, DAY_THEN_WEEK].map((pattern, i) =>
  phraseParser(pattern, (match, { salonToday }) => {
    const [modifier, word] = i === 0 ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
    const day = parseWeekday(word);
    return day === null ? null : [weekday(dayOfPastWeek(salonToday, day, modifier))];
  }),
);

// "vor drei Tagen", "vor einer Woche", "heute vor zwei Wochen", "gestern vor einer Woche".
const AGO = new RegExp(`(?<!\\w)(?:(heute|gestern)\\s+)?vor\\s+(${COUNT_PATTERN})\\s+(tag(?:en)?|woche(?:n)?)(?!\\w)`);

const agoParser = phraseParser(AGO, (match, { salonToday }) => {
  const count = parseCount(match[2]!);
  if (count === null) return null;
  const base = match[1] === "gestern" ? addDays(salonToday, -1) : salonToday;
  const days = match[3]!.startsWith("woche") ? 7 * count : count;
  return [{ type: "date", kind: "relative", date: addDays(base, -days) }];
});

// "am letzten Freitag im Dezember", "letzten Samstag des Monats", "letzten Montag im nächsten Monat".
const LAST_IN_MONTH = new RegExp(
  `(?<!\\w)(?:am\\s+)?letzte[nrms]?\\s+${W}\\s+(?:im|des|in\\s+diesem|diese[sn])\\s+` +
    `(?:(naechst|kommend|dies)e[nrms]?\\s+)?(monats?|${MONTH_PATTERN})(?!\\w)`,
);

function lastWeekdayOfMonth(year: number, month: number, day: number): LocalDate {
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return addDays(monthEnd, -((isoWeekday(monthEnd) - day + 7) % 7));
}

const lastInMonthParser = phraseParser(LAST_IN_MONTH, (match, { salonToday }) => {
  const [, word, modifier, monthWord] = match;
  const day = parseWeekday(word!);
  if (day === null) return null;
  const [year, thisMonth] = salonToday.split("-").map(Number) as [number, number];
  const named = monthWord!.startsWith("monat") ? null : parseMonth(monthWord!);
  const ahead = modifier === "naechst" || modifier === "kommend" ? 1 : 0;
  for (let step = 0; step < 13; step += 1) {
    const month = ((thisMonth - 1 + ahead + step) % 12) + 1;
    const candidate = lastWeekdayOfMonth(year + Math.floor((thisMonth - 1 + ahead + step) / 12), month, day);
    if ((named === null || named === month) && candidate >= salonToday) {
      return [calendarDate(Number(candidate.slice(8)), month, Number(candidate.slice(0, 4)), salonToday)];
    }
  }
  return null;
});

export const pastDateParsers: Parser[] = [lastInMonthParser, ...pastWeekParsers, pastWeekdayParser, agoParser];
