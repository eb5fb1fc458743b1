/**
 * Lower-cases, folds umlauts to their ASCII spelling ("nächsten" and "naechsten" become the
 * same text) and drops punctuation that carries no date meaning. Dots, colons, commas and
 * hyphens stay: they separate day, month, hour and minute.
 */
export function normalizeSpoken(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[!?;"'„“”»«()…]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Words that carry no date or time on their own; what is left after removing them and every
// recognised phrase decides between "missing" and "unclear".
const FILLER = new Set([
  "am",
  "um",
  "den",
  "der",
  "die",
  "das",
  "dem",
  "des",
  "ab",
  "gegen",
  "so",
  "ungefaehr",
  "etwa",
  "circa",
  "ca",
  "bitte",
  "wenn",
  "moeglich",
  "gerne",
  "gern",
  "vielleicht",
  "uhr",
  "termin",
  "einen",
  "ein",
  "eine",
  "ich",
  "haette",
  "wuerde",
  "moechte",
  "liebsten",
  "lieber",
  "dann",
  "also",
  "ja",
  "aeh",
  "aehm",
  "aehem",
  "hm",
  "hmm",
  "und",
  "oder",
  "noch",
  "mal",
  "es",
  "geht",
  "passt",
  "wie",
  "waere",
  "gut",
  "okay",
  "ok",
  "rum",
  "herum",
  "zeit",
  "uhrzeit",
  "datum",
  "tag",
]);

/** True when `text` contains words outside the recognised spans that are not filler. */
export function hasUnknownWords(text: string, spans: ReadonlyArray<{ index: number; text: string }>): boolean {
  let rest = text;
  for (const span of spans) {
    rest = rest.slice(0, span.index) + " ".repeat(span.text.length) + rest.slice(span.index + span.text.length);
  }
  return rest.split(/[^a-z0-9]+/).some((word) => word.length > 0 && !FILLER.has(word));
}
