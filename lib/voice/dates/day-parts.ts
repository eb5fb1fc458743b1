import type { Parser } from "chrono-node";
import { phraseParser, type DayPart } from "./meaning";

const DAY_PARTS: Record<string, DayPart> = {
  morgens: "morning",
  frueh: "morning",
  vormittag: "morning",
  vormittags: "morning",
  mittag: "noon",
  mittags: "noon",
  mittagszeit: "noon",
  nachmittag: "afternoon",
  nachmittags: "afternoon",
  abend: "evening",
  abends: "evening",
  nacht: "night",
  nachts: "night",
};

// "morgens", "in der Früh", "am Vormittag", "Nachmittag", "abends". Plain "morgen" is tomorrow.
const DAY_PART = new RegExp(`(?<!\\w)(?:(?:am|in\\s+der|zur|zu)\\s+)?(${Object.keys(DAY_PARTS).join("|")})(?!\\w)`);

export const dayPartParser: Parser = phraseParser(DAY_PART, (match) => {
  const part = DAY_PARTS[match[1]!];
  return part ? [{ type: "daypart", part }] : null;
});

/**
 * Minutes after midnight for an hour said on the phone. Day parts move 1–11 o'clock into the
 * afternoon or evening. Without one, the salon rule applies: nobody books a haircut at 3 a.m.,
 * so 1–7 o'clock means the afternoon ("um drei" → 15:00) while 8–12 stay as said.
 */
export function salonMinute(hour: number, minute: number, clock24: boolean, part: DayPart | null): number {
  let h = hour;
  if (part === "afternoon" || part === "evening") {
    if (h >= 1 && h <= 11) h += 12;
    if (h === 0 && !clock24) h = 12;
  } else if (part === "noon") {
    if (h >= 1 && h <= 4) h += 12;
    if (h === 0 && !clock24) h = 12;
  } else if (part === "night") {
    if (h >= 6 && h <= 11) h += 12;
    if (h === 12 && !clock24) h = 0;
  } else if (part === null && !clock24) {
    if (h >= 1 && h <= 7) h += 12;
    // "halb eins" arrives as 0:30 and means half past twelve.
    if (h === 0) h = 12;
  }
  return h * 60 + minute;
}
