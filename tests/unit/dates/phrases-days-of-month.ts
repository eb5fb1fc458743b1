import type { PhraseRow } from "./references";
import { DEC20, DEC30, NOV30, SUN } from "./references";

// A day of the month alone: this month while it is today or ahead, else next month.
// SUN is 23 November 2025; November has no 31st, so "am 31." asks instead of jumping a month.
export const DAY_OF_MONTH_PHRASES: PhraseRow[] = [
  ["den dritten", null, SUN, "2025-12-03"],
  ["am dritten", "um zehn", SUN, "2025-12-03 10:00"],
  ["am 3.", null, SUN, "2025-12-03"],
  ["den 15.", null, SUN, "2025-12-15"],
  ["am 23.", null, SUN, "2025-11-23"],
  // Was "unclear" before issue 14: a day without a month is now this month's when still ahead.
  ["am 28.", null, SUN, "2025-11-28"],
  ["am 30.", "um zehn", SUN, "2025-11-30 10:00"],
  ["am 31.", null, SUN, "impossible"],
  ["am zweiunddreißigsten", null, SUN, "impossible"],
  ["am 15. 10 Uhr", null, SUN, "2025-12-15 10:00"],
  ["den 1. 12.", null, SUN, "2025-12-01"],
  ["am dritten Advent", null, SUN, "unclear"],
  ["den 10. oder 11.", null, SUN, "unclear"],
  ["am 28.", "halb elf", NOV30, "2025-12-28 10:30"],
  ["am zwanzigsten", null, DEC20, "2025-12-20"],
  ["am neunzehnten", null, DEC20, "2026-01-19"],
  ["am einunddreißigsten", null, DEC20, "2025-12-31"],
  ["am 3.", null, DEC30, "2027-01-03"],
  ["am 31.", null, DEC30, "2026-12-31"],
  ["den 30.", null, DEC30, "2026-12-30"],
];
