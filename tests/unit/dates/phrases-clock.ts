import type { PhraseRow } from "./references";
import { SUN, WED } from "./references";

// Clock readings for "morgen" = Monday 2025-11-24 unless the row says otherwise.
const at = (time: string, expected: string, date = "morgen"): PhraseRow => [date, time, SUN, expected];

export const CLOCK_PHRASES: PhraseRow[] = [
  // "Punkt" and "Schlag" stress the hour; the salon rule still makes "Punkt drei" 15:00.
  at("Punkt zehn", "2025-11-24 10:00"),
  at("punkt 10 Uhr", "2025-11-24 10:00"),
  at("um Punkt halb elf", "2025-11-24 10:30"),
  at("Punkt drei", "2025-11-24 15:00"),
  at("Schlag zwölf", "2025-11-24 12:00"),
  ["morgen Punkt neun", null, SUN, "2025-11-24 09:00"],
  ["Freitag um Punkt 9", null, WED, "2025-11-28 09:00"],
];
