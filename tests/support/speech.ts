import { expect } from "vitest";

const MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";
const WEEKDAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag";

/** The sentences of a message: ends at . ? ! before an upper-case start — not after "28." of a date. */
export function sentencesOf(message: string): string[] {
  const marked = message.replace(new RegExp(`(\\d+)\\.( (?:${MONTHS}))`, "g"), "$1\u0000$2");
  return marked
    .split(/(?<=[.?!])\s+(?=[„"A-ZÄÖÜ])/)
    .map((s) => s.replaceAll("\u0000", ".").trim())
    .filter(Boolean);
}

/** What a receptionist would not say: more than two sentences, a lower-case start, ISO, a weekday date without "am". */
export function speechProblems(message: string): string[] {
  const problems: string[] = [];
  const sentences = sentencesOf(message);
  if (sentences.length > 2) problems.push(`${sentences.length} Sätze`);
  for (const s of sentences) if (!/^[„"]?[A-ZÄÖÜ]/.test(s)) problems.push(`klein: „${s}“`);
  if (/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/.test(message)) problems.push("ISO im Text");
  // "am Montag, den 7. Dezember" — but "meinen Sie Samstag, den …", "oder Montag, den …", "bis Samstag, den …" need none.
  const bare = new RegExp(`(?<!\\bam |, am |Am |Sie |oder |bis )\\b(${WEEKDAYS}), den`, "g");
  if (bare.test(message)) problems.push("Wochentag ohne „am“");
  return problems;
}

export function expectSpeakable(message: string): void {
  expect(speechProblems(message), message).toEqual([]);
}
