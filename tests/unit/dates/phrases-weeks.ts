import type { PhraseRow } from "./references";
import { DEC30, FRI, MAR25, SUN, WED } from "./references";

// "Freitag in einer Woche": the coming Friday plus a week (said on Wednesday 26 November: 5 December);
// said on a Friday it could mean 7 or 14 days, so it asks. "in einer Woche am Freitag": the Friday of
// the calendar week one week after the current one.
export const WEEK_PHRASES: PhraseRow[] = [
  ["Freitag in einer Woche", null, WED, "2025-12-05"],
  ["Freitag in zwei Wochen", null, WED, "2025-12-12"],
  ["in einer Woche am Freitag", null, WED, "2025-12-05"],
  ["in zwei Wochen am Mittwoch", null, WED, "2025-12-10"],
  ["Mittwoch in 14 Tagen", null, WED, "unclear"],
  ["heute in einer Woche", null, WED, "2025-12-03"],
  ["morgen in einer Woche", "um zehn", WED, "2025-12-04 10:00"],
  ["am Freitag, in einer Woche", "um zehn", WED, "2025-12-05 10:00"],
  ["Samstag in drei Tagen", null, WED, "2025-11-29"],
  ["Freitag in drei Tagen", null, WED, "unclear"],
  ["Freitag in einer Woche", null, FRI, "unclear"],
  ["in einer Woche am Freitag", null, FRI, "2025-12-05"],
  ["Mittwoch in 14 Tagen", null, FRI, "2025-12-17"],
  ["Freitag in einer Woche", null, SUN, "2025-12-05"],
  ["in zwei Wochen am Mittwoch", null, SUN, "2025-12-03"],
  ["übermorgen in einer Woche", null, SUN, "2025-12-02"],
  ["Freitag in einer Woche", "um zehn", MAR25, "2026-04-03 10:00", "2026-04-03T08:00:00.000Z"],
  ["heute in einer Woche", "um zehn", MAR25, "2026-04-01 10:00", "2026-04-01T08:00:00.000Z"],
  ["Freitag in einer Woche", null, DEC30, "2027-01-08"],
  ["in zwei Wochen am Mittwoch", null, DEC30, "2027-01-13"],
];
