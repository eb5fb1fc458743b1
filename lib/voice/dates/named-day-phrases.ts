import type { Parser } from "chrono-node";
import { namedDayDate, type NamedDayKey, type LocalDate } from "../../time";
import { phraseParser, problem, type Meaning } from "./meaning";
import { QUESTIONS } from "./questions";

// How callers say each named day, in normalizeSpoken's ASCII-folded form. "Ostern", "Pfingsten"
// and "Weihnachten" name the main day: Ostersonntag, Pfingstsonntag, the 25 December.
const SPOKEN: Array<[string, NamedDayKey]> = [
  ["heiligabend|heilige[nrm]?\\s+abend|weihnachtsabend", "heiligabend"],
  ["s[iy]lvester(?:tag)?", "silvester"],
  ["neujahr(?:stag)?", "neujahr"],
  ["heilige[nrm]?\\s+drei\\s+koenige|dreikoenig(?:stag)?", "heilige-drei-koenige"],
  ["gruendonnerstag", "gruendonnerstag"],
  ["karfreitag", "karfreitag"],
  ["karsamstag|ostersamstag", "karsamstag"],
  ["oster\\s?montag", "ostermontag"],
  ["ostern|oster\\s?sonntag", "ostersonntag"],
  ["(?:christi\\s+)?himmelfahrt(?:stag)?|vatertag", "christi-himmelfahrt"],
  ["pfingst\\s?montag", "pfingstmontag"],
  ["pfingsten|pfingst\\s?sonntag", "pfingstsonntag"],
  ["fronleichnam", "fronleichnam"],
  ["tag\\s+der\\s+arbeit|maifeiertag", "tag-der-arbeit"],
  ["tag\\s+der\\s+deutschen\\s+einheit", "tag-der-deutschen-einheit"],
  ["reformationstag", "reformationstag"],
  ["allerheiligen", "allerheiligen"],
  ["(?:2\\.|zweite[nrms]?)\\s*weihnachts(?:feier)?tag|stephanstag", "zweiter-weihnachtstag"],
  ["(?:(?:1\\.|erste[nrms]?)\\s*)?weihnachts(?:feier)?tag|weihnachten|christtag", "erster-weihnachtstag"],
];

const FORMS = SPOKEN.map(([form, key]) => [new RegExp(`^(?:${form})$`), key] as const);
const NAME = `(${SPOKEN.map(([form]) => form).join("|")})`;

function keyOf(spoken: string): NamedDayKey | null {
  return FORMS.find(([form]) => form.test(spoken))?.[1] ?? null;
}

/**
 * Without a year: the next occurrence on or after today, so "Silvester" said on 31 December
 * is today. "nächstes Silvester" is the next one after today; a named year is taken as said.
 */
function resolveYear(key: NamedDayKey, today: LocalDate, before?: string, after?: string, year?: string): LocalDate {
  const thisYear = Number(today.slice(0, 4));
  if (year) return namedDayDate(key, Number(year));
  if (after === "dies" || before === "dies") return namedDayDate(key, thisYear);
  if (after) return namedDayDate(key, thisYear + 1);
  const thisOne = namedDayDate(key, thisYear);
  return thisOne < today || (thisOne === today && before) ? namedDayDate(key, thisYear + 1) : thisOne;
}

const YEAR =
  "(?:\\s*,?\\s*(?:(?:im\\s+jahre?\\s+)?(\\d{4})(?![\\w:.])|(?:im\\s+)?(naechst|kommend|dies)e[ns]?\\s+jahr(?:es)?))";

// "Heiligabend", "am ersten Weihnachtsfeiertag", "an Silvester", "nächstes Ostern", "Ostern 2027".
const NAMED_DAY = new RegExp(
  `(?<![\\w.])(?:(?:an|am|den|der)\\s+)?(?:(naechst|kommend|dies)e[nsm]?\\s+)?${NAME}(?!\\w)${YEAR}?`,
);

const namedDayParser = phraseParser(NAMED_DAY, (match, { salonToday }) => {
  const [, before, spoken, year, after] = match;
  const key = keyOf(spoken!.replace(/\s+/g, " "));
  if (key === null) return null;
  const meaning: Meaning = { type: "date", kind: "calendar", date: resolveYear(key, salonToday, before, after, year) };
  return [meaning];
});

// "nach Weihnachten", "über Ostern", "zu Silvester", "bis Pfingsten" name no single day: ask.
const AROUND_NAMED_DAY = new RegExp(
  `(?<![\\w.])(?:vor|nach|ueber|zwischen|rund\\s+um|um|bis|ab|seit|zu|zum|fuer)\\s+(?:den\\s+|die\\s+)?${NAME}(?!\\w)`,
);

const aroundNamedDayParser = phraseParser(AROUND_NAMED_DAY, (match, { salonToday }) => {
  const key = keyOf(match[1]!.replace(/\s+/g, " "));
  if (key === null) return null;
  return [problem("date", "unclear", QUESTIONS.aroundNamedDay(resolveYear(key, salonToday)))];
});

const BETWEEN_THE_YEARS = /(?<!\w)zwischen\s+den\s+jahren(?!\w)/;

export const namedDayParsers: Parser[] = [
  namedDayParser,
  aroundNamedDayParser,
  phraseParser(BETWEEN_THE_YEARS, () => [problem("date", "unclear", QUESTIONS.betweenTheYears)]),
];
