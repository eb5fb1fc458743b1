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
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.length === 0 || y.length === 0) return false;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  // An initial ("S. Reu") stands for any name starting with it.
  return shorter.every((t) => longer.includes(t) || (t.length === 1 && longer.some((l) => l.startsWith(t))));
}
