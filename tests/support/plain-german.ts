/**
 * What a salon must never read on an admin screen: developer words, raw codes, English from Cal.com
 * and broken counts. Shared by the page-rendering tests and the browser walk through every page.
 */
export const FORBIDDEN_WORDS = [
  "Compound",
  "GAP_",
  "Booking-ID",
  "Booking-UID",
  "Managed Parent",
  "Managed Event Type",
  "Managed-Kind",
  "Ereignistyp",
  "PARALLEL_CALCOM_BOOKING",
  "calcom_conflict",
  "Vorfall ",
  ">Services<",
  "unter Services",
  "anonymous",
  "User either already has booking",
  "undefined",
  "NaN",
  "Invalid Date",
  "[object Object]",
] as const;

/** A count that disagrees with its noun ("1 Termine", "1 aktive Reservierungen", "1 von 4 Segmenten sind"). */
export const BROKEN_COUNTS: RegExp[] = [
  /(?<![\d,.])1 (Einwirkzeiten|Termine|Reservierungen|aktive Reservierungen|Anrufe|Leistungen|Segmente|Buchungen|Tage)\b/,
  /(?<![\d,.])1 von \d+ \S+ sind\b/,
];

/** "Service" is "Leistung" everywhere the salon reads. */
export const OLD_WORDS = /\bServices?\b/;

/** Raw English status words of the database that must never reach the screen as text. */
export const ENGLISH_WORDS =
  /\b(synced|pending|failed|confirmed|cancelled|no_show|completed|in_progress|Loading|Submit|Cancel|Error)\b/;

/**
 * The text a person reads in server-rendered markup: scripts, styles and Cal.com's originals behind
 * "Originalmeldung" left out, attributes other than the ones a person sees or hears dropped.
 */
export function readableMarkup(markup: string): string {
  return markup
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<details[\s\S]*?<\/details>/g, "")
    .replace(/ (?!(?:title|aria-label|placeholder|alt)=)[a-zA-Z-:]+="[^"]*"/g, "");
}

/** Every rule the markup breaks, as readable findings (empty when it is plain German). */
export function plainGermanFindings(markup: string): string[] {
  const shown = readableMarkup(markup);
  const text = shown
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/\s+/g, " ");
  const found: string[] = [];
  for (const word of FORBIDDEN_WORDS) if (shown.includes(word)) found.push(`„${word}“: …${around(shown, word)}…`);
  for (const pattern of BROKEN_COUNTS) {
    const m = text.match(pattern);
    if (m) found.push(`Zahl und Wort passen nicht: „${m[0]}“ in …${around(text, m[0])}…`);
  }
  const old = text.match(OLD_WORDS);
  if (old) found.push(`„${old[0]}“ statt „Leistung“ in …${around(text, old[0])}…`);
  const english = text.match(ENGLISH_WORDS);
  if (english) found.push(`Englisch: „${english[0]}“ in …${around(text, english[0])}…`);
  return found;
}

function around(haystack: string, needle: string): string {
  const at = haystack.indexOf(needle);
  return haystack.slice(Math.max(0, at - 60), at + needle.length + 60);
}
