import type { ParsedResult } from "chrono-node";
import { localDate, type LocalDate, utcOffsetMs } from "../../time";
import { salonChrono } from "./chrono-extensions";
import { calendarDate } from "./date-phrases";
import { taggedMeanings, type Field, type Meaning, type SalonOption } from "./meaning";
import { hasUnknownWords, normalizeSpoken } from "./normalize";

export interface FieldReading {
  field: Field;
  empty: boolean;
  meanings: Meaning[];
  /** Words we could not place, e.g. gibberish. */
  unknownWords: boolean;
}

/** Results of chrono's stock parsers (ISO date-times, "28/11/2025") carry no tags: read their components. */
function stockMeanings(result: ParsedResult, today: LocalDate): Meaning[] {
  const meanings: Meaning[] = [];
  const { start } = result;
  if (start.isCertain("day") && start.isCertain("month")) {
    const year = start.isCertain("year") ? start.get("year") : null;
    meanings.push(calendarDate(start.get("day")!, start.get("month")!, year, today));
  }
  if (start.isCertain("hour")) {
    meanings.push({ type: "time", hour: start.get("hour")!, minute: start.get("minute") ?? 0, clock24: true });
  }
  return meanings;
}

export function readField(field: Field, raw: string | null | undefined, now: Date, timeZone: string): FieldReading {
  const text = normalizeSpoken(raw ?? "");
  if (!text) return { field, empty: true, meanings: [], unknownWords: false };
  const salonToday = localDate(now, timeZone);
  const option: SalonOption = { salonToday, field };
  const reference = { instant: now, timezone: utcOffsetMs(now.getTime(), timeZone) / 60_000 };
  const results = salonChrono.parse(text, reference, option);
  const meanings = results.flatMap((result) => {
    const tagged = taggedMeanings(result);
    return tagged.length > 0 ? tagged : stockMeanings(result, salonToday);
  });
  return { field, empty: false, meanings, unknownWords: hasUnknownWords(text, results) };
}
