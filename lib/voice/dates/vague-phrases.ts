import type { Parser } from "chrono-node";
import { phraseParser, problem } from "./meaning";
import { MONTH_PATTERN } from "./numbers";
import { QUESTIONS } from "./questions";

const WEEK_MODIFIER = "(?:naechst|kommend|dies|uebernaechst)e[nrms]?";

/** Phrases that name no single day. They only decide the question when no date was found. */
const VAGUE: Array<[RegExp, string]> = [
  [
    /(?<!\w)(?:irgendwann|bald|demnaechst|zeitnah|egal|flexibel|(?:so\s+)?(?:bald|schnell)\s+wie\s+moeglich|moeglichst\s+(?:bald|schnell))(?!\w)/,
    QUESTIONS.vague,
  ],
  [
    new RegExp(
      `(?<!\\w)(?:anfang|mitte|ende)\\s+(?:der\\s+|des\\s+)?(?:${WEEK_MODIFIER}\\s+)?(?:woche|monats?|${MONTH_PATTERN})(?!\\w)`,
    ),
    QUESTIONS.vaguePartOfWeek,
  ],
  [
    new RegExp(`(?<!\\w)(?:(?:in\\s+der\\s+)?${WEEK_MODIFIER}\\s+woche|unter\\s+der\\s+woche)(?!\\w)`),
    QUESTIONS.weekWithoutDay,
  ],
  [
    new RegExp(`(?<!\\w)(?:(?:im\\s+)?${WEEK_MODIFIER}\\s+monat|im\\s+${MONTH_PATTERN})(?!\\w)`),
    QUESTIONS.monthWithoutDay,
  ],
  [/(?<!\w)(?:am\s+|(?:naechst|dies)e[ns]?\s+)?wochenende(?!\w)/, QUESTIONS.weekend],
];

// "in zwei Stunden" names a time we would have to guess; "heute" alone is fine as a date.
const RELATIVE_HOURS = /(?<!\w)in\s+\S+\s+(?:stunden?|minuten?)(?!\w)/;

export const vagueParsers: Parser[] = [
  ...VAGUE.map(([pattern, question]) => phraseParser(pattern, () => [problem("date", "unclear", question)])),
  phraseParser(RELATIVE_HOURS, () => [problem("time", "unclear", QUESTIONS.relativeHours)]),
];
