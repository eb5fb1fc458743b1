import type { Parser } from "chrono-node";
import { addDays, isoWeekday, type LocalDate } from "../../time";
import { phraseParser, type Meaning } from "./meaning";
import { COUNT_PATTERN, WEEKDAY_PATTERN, parseCount, parseWeekday } from "./numbers";

const DAY_OFFSETS: Record<string, number> = { vorgestern: -2, gestern: -1, heute: 0, morgen: 1, uebermorgen: 2 };

function relative(date: LocalDate): Meaning {
  return { type: "date", kind: "relative", date };
}

// "heute", "morgen", "übermorgen", "gestern"; "heute morgen" / "morgen früh" also mean the morning.
const RELATIVE_DAY = /(?<!\w)(vorgestern|gestern|heute|uebermorgen|morgen)(?!\w)(?:\s+(frueh|morgen)(?!\w))?/;

const relativeDayParser = phraseParser(RELATIVE_DAY, (match, { salonToday }) => {
  const meanings: Meaning[] = [relative(addDays(salonToday, DAY_OFFSETS[match[1]!]!))];
  if (match[2]) meanings.push({ type: "daypart", part: "morning" });
  return meanings;
});

// "in drei Tagen", "in einer Woche", "heute in zwei Wochen", "morgen in einer Woche", "übermorgen in 14 Tagen".
const OFFSET = new RegExp(
  `(?<!\\w)(?:(heute|uebermorgen|morgen)\\s+)?in\\s+(${COUNT_PATTERN})\\s+(tag(?:en)?|woche(?:n)?)(?!\\w)`,
);

const offsetParser = phraseParser(OFFSET, (match, { salonToday }) => {
  const count = parseCount(match[2]!);
  if (count === null) return null;
  const base = addDays(salonToday, DAY_OFFSETS[match[1] ?? "heute"]!);
  return [relative(addDays(base, match[3]!.startsWith("woche") ? 7 * count : count))];
});

const MODIFIER = "(naechst|kommend|dies|uebernaechst)e[nrms]?";
const WEEK_BEFORE = `(?:in\\s+der\\s+)?${MODIFIER}\\s+woche\\s*,?\\s*`;
const WEEK_AFTER = `\\s*,?\\s*(?:in\\s+der\\s+)?${MODIFIER}\\s+woche(?!\\w)`;

// "Freitag", "am Freitag", "nächsten Freitag", "diesen Freitag", "übernächsten Freitag",
// "nächste Woche Dienstag", "Dienstag nächster Woche", "diese Woche am Freitag".
const WEEKDAY = new RegExp(
  `(?<!\\w)(?:${WEEK_BEFORE})?(?:am\\s+)?(?:${MODIFIER}\\s+)?(${WEEKDAY_PATTERN})(?!\\w)(?:${WEEK_AFTER})?`,
);

/** The weekday `day` (1–7) of the ISO week `weeksAhead` weeks after today's week. */
function dayOfWeek(today: LocalDate, weeksAhead: number, day: number): LocalDate {
  return addDays(today, 7 * weeksAhead + day - isoWeekday(today));
}

export function resolveWeekday(today: LocalDate, day: number, weekModifier?: string, dayModifier?: string): LocalDate {
  if (weekModifier) {
    if (weekModifier === "dies") return thisOrNext(today, day);
    return dayOfWeek(today, weekModifier === "uebernaechst" ? 2 : 1, day);
  }
  if (dayModifier === "dies") return thisOrNext(today, day);
  // Plain, "nächsten" and "kommenden" all mean the next such day strictly after today.
  const next = addDays(today, (day - isoWeekday(today) + 7) % 7 || 7);
  return dayModifier === "uebernaechst" ? addDays(next, 7) : next;
}

function thisOrNext(today: LocalDate, day: number): LocalDate {
  const thisWeek = dayOfWeek(today, 0, day);
  return thisWeek >= today ? thisWeek : dayOfWeek(today, 1, day);
}

const weekdayParser = phraseParser(WEEKDAY, (match, { salonToday }) => {
  const [, weekBefore, dayModifier, word, weekAfter] = match;
  const day = parseWeekday(word!);
  if (day === null) return null;
  return [
    { type: "date", kind: "weekday", date: resolveWeekday(salonToday, day, weekBefore ?? weekAfter, dayModifier) },
  ];
});

export const relativeDateParsers: Parser[] = [relativeDayParser, offsetParser, weekdayParser];
