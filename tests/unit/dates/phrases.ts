import { CLOCK_PHRASES } from "./phrases-clock";
import { CONTRADICTION_PHRASES } from "./phrases-contradictions";
import { DATE_PHRASES } from "./phrases-dates";
import { DAY_OF_MONTH_PHRASES } from "./phrases-days-of-month";
import { NAMED_DAY_PHRASES } from "./phrases-named-days";
import { PAST_PHRASES } from "./phrases-past";
import { PROBLEM_PHRASES } from "./phrases-problems";
import { REFERENCE_PHRASES } from "./phrases-references";
import { TIME_PHRASES } from "./phrases-times";
import { WEEK_PHRASES } from "./phrases-weeks";
import type { PhraseRow } from "./references";

export * from "./references";

export const PHRASES: PhraseRow[] = [
  ...DATE_PHRASES,
  ...TIME_PHRASES,
  ...PROBLEM_PHRASES,
  ...REFERENCE_PHRASES,
  ...PAST_PHRASES,
  ...NAMED_DAY_PHRASES,
  ...CLOCK_PHRASES,
  ...WEEK_PHRASES,
  ...DAY_OF_MONTH_PHRASES,
  ...CONTRADICTION_PHRASES,
];

export type Expectation =
  | { ok: true; date: string; hhmm: string | null; utc?: string }
  | { ok: false; reason: "missing" | "unclear" | "impossible" };

export function expectationOf(row: PhraseRow): Expectation {
  const [, , , expected, utc] = row;
  if (expected === "missing" || expected === "unclear" || expected === "impossible")
    return { ok: false, reason: expected };
  const [date, hhmm] = expected.split(" ");
  return { ok: true, date: date!, hhmm: hhmm ?? null, utc };
}

/** "HH:mm" for minutes after midnight. */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
