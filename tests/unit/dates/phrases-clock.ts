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
  // Malformed clock readings are refused with a question, never read as the nearest valid time.
  at("-10:00", "impossible"),
  at("-10 Uhr", "impossible"),
  ["morgen -10:00", null, SUN, "impossible"],
  at("10:00:99", "impossible"),
  at("24:30", "impossible"),
  at("zehn Uhr siebzig", "impossible"),
  at("zehn Uhr fünfundsiebzig", "impossible"),
  at("1000", "unclear"),
  at("1030", "unclear"),
  at("um 930", "unclear"),
  at("1075", "unclear"),
  at("10-11 Uhr", "unclear"),
  at("zwischen 10 und 11 Uhr", "unclear"),
  at("von zehn bis elf", "unclear"),
  at("halb zehn bis zehn", "unclear"),
  at("bis 10 Uhr", "unclear"),
  ["morgen um 10 bis 11", null, SUN, "unclear"],
  // Still fine: seconds, dotted and "Uhr" forms, an ISO date-time in the time field.
  at("10:00:30", "2025-11-24 10:00"),
  at("10.30 Uhr", "2025-11-24 10:30"),
  at("10:30 Uhr", "2025-11-24 10:30"),
  at("2025-11-24T10:00:00", "2025-11-24 10:00"),
];
