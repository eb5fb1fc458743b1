/** Lowercase, ß→ss, umlauts folded ("Föhnen", "Foehnen", "Fohnen" are one word), punctuation gone. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/ü/g, "u")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const FILLER = new Set([
  "ein",
  "eine",
  "einen",
  "einem",
  "einer",
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "fur",
  "zum",
  "zur",
  "mal",
  "bitte",
  "termin",
  "einmal",
  "gern",
  "gerne",
  "so",
  "mit",
  "bei",
  "beim",
  "noch",
  "auch",
  "ich",
  "hatte",
  "mochte",
  "wurde",
]);

/** Plural and case endings callers add ("Dauerwellen", "Haarschnitte", "Herrenhaarschnitts"). */
export function stem(word: string): string {
  for (const suffix of ["en", "er", "es", "n", "e", "s"]) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

export function tokens(text: string): string[] {
  return normaliseWords(text)
    .split(" ")
    .filter((t) => t && !FILLER.has(t))
    .map(stem);
}

/** Damerau–Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
