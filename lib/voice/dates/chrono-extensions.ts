import * as chrono from "chrono-node";
import type { Parser, ParsingResult, Refiner } from "chrono-node";
import { calendarDateParsers } from "./date-phrases";
import { dayPartParser } from "./day-parts";
import { namedDayParsers } from "./named-day-phrases";
import { pastDateParsers } from "./past-phrases";
import { relativeDateParsers } from "./relative-phrases";
import { timeParsers } from "./time-phrases";
import { timeProblemParsers } from "./time-problems";
import { vagueParsers } from "./vague-phrases";
import { weekOffsetParsers } from "./week-offsets";

const isOurs = (result: ParsingResult) => [...result.tags()].some((tag) => tag.startsWith("slotdesk:"));

// Stock German results we trust are ISO date-times and slash dates. The rest misreads phone
// German ("so gegen" as Sunday, "früh" as Friday, "nächste Woche" as a made-up day), and
// judging by shape keeps working when a bundler renames chrono's classes.
const TRUSTED_STOCK_TEXT = /^(?:\d{4}-\d{1,2}-\d{1,2}T[\d:.]+(?:z|[+-][\d:]+)?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)$/i;

const keepTrusted: Refiner = {
  refine: (_context, results) =>
    results.filter((r) => isOurs(r) || (TRUSTED_STOCK_TEXT.test(r.text) && r.start.isValidDate())),
};

/** Chrono's overlap rule: the longer match wins; on a tie the earlier parser (ours first) wins. */
const removeOverlaps: Refiner = {
  refine: (_context, results) =>
    results.reduce<ParsingResult[]>((kept, result) => {
      const last = kept[kept.length - 1];
      if (!last || result.index >= last.index + last.text.length) kept.push(result);
      else if (result.text.length > last.text.length) kept[kept.length - 1] = result;
      return kept;
    }, []),
};

/**
 * chrono.de's parsers extended with SlotDesk's phone phrases. Chrono's stock refiners are left
 * out: UnlikelyFormatFilter drops bare "28.11" and "10.30", the merge refiners clone results and
 * lose our tags, and year rollover and date/time combination happen in resolve.ts.
 */
function build(): chrono.Chrono {
  const ours: Parser[] = [
    ...calendarDateParsers,
    ...namedDayParsers,
    ...pastDateParsers,
    ...weekOffsetParsers,
    ...relativeDateParsers,
    ...timeProblemParsers,
    ...timeParsers,
    dayPartParser,
    ...vagueParsers,
  ];
  return new chrono.Chrono({
    parsers: [...ours, ...chrono.de.casual.parsers],
    refiners: [keepTrusted, removeOverlaps],
  });
}

export const salonChrono = build();
