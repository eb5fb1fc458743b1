import type { ParsedResult, Parser, ParsingContext, ParsingOption, ParsingResult } from "chrono-node";
import type { LocalDate } from "../../time";

export type Field = "date" | "time";
export type DayPart = "morning" | "noon" | "afternoon" | "evening" | "night";

/** What one recognised phrase says. Dates are already resolved against the salon's today. */
export type Meaning =
  | {
      type: "date";
      kind: "calendar" | "relative" | "weekday";
      date: LocalDate;
      /** Set when a date said without a year was moved to next year: the same day this year. */
      thisYear?: LocalDate;
    }
  | { type: "time"; hour: number; minute: number; clock24: boolean }
  | { type: "daypart"; part: DayPart }
  | { type: "problem"; scope: "date" | "time"; reason: "unclear" | "impossible"; question: string };

/** Chrono hands the option object through to every parser, so it carries our salon context. */
export interface SalonOption extends ParsingOption {
  salonToday: LocalDate;
  field: Field;
}

export function salonOption(context: ParsingContext): SalonOption {
  return context.option as SalonOption;
}

const TAG = "slotdesk:";

/**
 * Wraps meanings into a chrono result. Meanings travel as a JSON tag because chrono results
 * only carry numeric components; dates and times are also set as components so chrono's own
 * refiners (overlap removal) see ordinary results.
 */
export function meaningResult(
  context: ParsingContext,
  index: number,
  text: string,
  meanings: Meaning[],
): ParsingResult {
  const result = context.createParsingResult(index, text);
  for (const meaning of meanings) {
    if (meaning.type === "date") {
      const [year, month, day] = meaning.date.split("-").map(Number);
      result.start.assign("year", year!).assign("month", month!).assign("day", day!);
    } else if (meaning.type === "time") {
      result.start.assign("hour", meaning.hour).assign("minute", meaning.minute);
    }
    result.start.addTag(TAG + JSON.stringify(meaning));
  }
  return result;
}

export function taggedMeanings(result: ParsedResult): Meaning[] {
  return [...result.tags()]
    .filter((tag) => tag.startsWith(TAG))
    .map((tag) => JSON.parse(tag.slice(TAG.length)) as Meaning);
}

/** A chrono parser for one regular expression; `build` returns null to decline the match. */
export function phraseParser(
  pattern: RegExp,
  build: (match: RegExpMatchArray, option: SalonOption) => Meaning[] | null,
): Parser {
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const meanings = build(match, salonOption(context));
      return meanings ? meaningResult(context, match.index ?? 0, match[0], meanings) : null;
    },
  };
}

export function problem(scope: "date" | "time", reason: "unclear" | "impossible", question: string): Meaning {
  return { type: "problem", scope, reason, question };
}
