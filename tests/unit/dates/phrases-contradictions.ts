import type { PhraseRow } from "./references";
import { DEC30, NOV20, SUN, WED } from "./references";

// A weekday that does not fit the date is asked about, naming both readings; one that fits is fine.
export const CONTRADICTION_PHRASES: PhraseRow[] = [
  ["am Montag, den 5.", null, NOV20, "unclear"],
  ["Montag, 5. Dezember", null, NOV20, "unclear"],
  ["Samstag, den 5.", null, NOV20, "2026-12-05"],
  ["Samstag, 5. Dezember", "um zehn", NOV20, "2026-12-05 10:00"],
  ["Freitag, den 28.", null, SUN, "2025-11-28"],
  ["Donnerstag, den 28.", null, SUN, "unclear"],
  ["Mittwoch, 1.12.", null, SUN, "unclear"],
  ["Freitag", "am 1.12. um 10", SUN, "unclear"],
  ["Heiligabend", "Donnerstag um zehn", SUN, "unclear"],
  ["am Dienstag, den 3.", null, DEC30, "unclear"],
  ["Silvester, Donnerstag", null, DEC30, "2026-12-31"],
  ["Weihnachten am Freitag", null, DEC30, "unclear"],
  // Beside a past phrase a date without a year stays in this year instead of rolling over.
  ["letzten Freitag, den 21.11.", null, WED, "2025-11-21"],
  ["gestern, den 25.11.", "um zehn", WED, "2025-11-25 10:00"],
  ["letzten Freitag, den 20.11.", null, WED, "unclear"],
];
