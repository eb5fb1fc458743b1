/** "Müller-Lüdenscheidt, Anna" → ["anna", "mueller", "luedenscheidt"]: case, umlaut and accent free. */
export function nameTokens(name: string): string[] {
  const folded = name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  return folded.split(/[^a-z0-9]+/).filter((t) => t.length > 0 && !["frau", "herr", "dr", "prof"].includes(t));
}

/**
 * Do two spoken names mean the same person? Equal after folding, or one is contained in the other
 * ("Müller" and "Anna Müller", "Reu, Siegfried" and "Siegfried Reu", "S. Reu"). Different first names or
 * different surnames are different people.
 */
export function sameName(a: string, b: string): boolean {
  const x = nameTokens(a).map(withoutUmlautE);
  const y = nameTokens(b).map(withoutUmlautE);
  if (x.length === 0 || y.length === 0) return false;
  // Either way round when both have as many parts: "Anna Müller" and "A. Müller".
  return (x.length <= y.length && covers(x, y)) || (y.length <= x.length && covers(y, x));
}

// Speech-to-text writes "Müller" as "Mueller" or "Muller": all three compare as "muller".
const withoutUmlautE = (token: string) => token.replace(/([aou])e/g, "$1");

// An initial ("S. Reu") stands for any name starting with it.
const covers = (shorter: string[], longer: string[]) =>
  shorter.every((t) => longer.includes(t) || (t.length === 1 && longer.some((l) => l.startsWith(t))));
