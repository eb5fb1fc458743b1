import type { PhraseRow } from "./references";
import { AFTER_MIDNIGHT, DEC30, FRI, MAR25, OCT28, SUN, WED } from "./references";

// Past phrases resolve before today; the caller layer answers "in_past" with the requested start.
// WED is Wednesday 2025-11-26: "letzten Freitag" is the 21st, never the coming 28th.
export const PAST_PHRASES: PhraseRow[] = [
  ["letzten Freitag", null, WED, "2025-11-21"],
  ["letzten Montag", null, WED, "2025-11-24"],
  ["vergangenen Dienstag", null, WED, "2025-11-25"],
  ["vorigen Mittwoch", null, WED, "2025-11-19"],
  ["am letzten Freitag", "um zehn", WED, "2025-11-21 10:00"],
  ["letzte Woche Freitag", null, WED, "2025-11-21"],
  ["Freitag letzter Woche", null, WED, "2025-11-21"],
  ["in der vergangenen Woche am Dienstag", null, WED, "2025-11-18"],
  ["vorgestern", null, WED, "2025-11-24"],
  ["gestern", "halb elf", WED, "2025-11-25 10:30"],
  ["vorletzten Freitag", null, WED, "2025-11-14"],
  ["vor einer Woche", null, WED, "2025-11-19"],
  ["vor drei Tagen", "14 Uhr", WED, "2025-11-23 14:00"],
  [null, "letzten Freitag um 10", WED, "2025-11-21 10:00"],
  ["letzten Sonntag", null, SUN, "2025-11-16"],
  ["letzten Samstag", null, SUN, "2025-11-22"],
  ["letzte Woche Freitag", null, SUN, "2025-11-14"],
  ["letzten Freitag", null, FRI, "2025-11-21"],
  ["letzten Donnerstag", null, FRI, "2025-11-27"],
  ["vergangenen Montag", null, AFTER_MIDNIGHT, "2025-11-17"],
  ["letzten Freitag", null, DEC30, "2026-12-25"],
  ["letzte Woche Dienstag", null, DEC30, "2026-12-22"],
  ["letzten Sonntag", "um zehn", MAR25, "2026-03-22 10:00", "2026-03-22T09:00:00.000Z"],
  ["letzten Sonntag", "um halb drei morgens", OCT28, "2026-10-25 02:30", "2026-10-25T01:30:00.000Z"],
  // "letzten" before "im Monat" names the month's last such day, ahead of today.
  ["am letzten Freitag im Dezember", null, WED, "2025-12-26"],
  ["letzten Freitag im Jahr", null, WED, "unclear"],
];
