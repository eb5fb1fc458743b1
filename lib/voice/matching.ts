import { editDistance, tokens } from "./normalise";

export type Named = { id: string | number; name: string; aliases?: string[] };

export type MatchResult<T extends Named> =
  { kind: "match"; item: T } | { kind: "ambiguous"; candidates: T[] } | { kind: "none" };

/** How well the spoken words fit one name: 100 exact … 60 part of a word, 0 no fit. */
function score(spoken: string[], name: string[]): number {
  const a = spoken.join("");
  const b = name.join("");
  if (!a || !b) return 0;
  if (a === b) return 100;
  if (name.every((t) => spoken.includes(t))) return 85;
  if (spoken.every((t) => name.includes(t))) return 80;
  const allowed = Math.max(1, Math.floor(b.length / 6));
  const distance = editDistance(a, b);
  if (distance <= allowed) return 75 - distance;
  if (a.length >= 5 && b.includes(a)) return 60;
  if (
    spoken.some((t) => t.length >= 5 && name.some((n) => n.includes(t) || (n.length >= 5 && editDistance(t, n) <= 1)))
  )
    return 55;
  return 0;
}

/**
 * Matches what a caller said against names and their synonyms: case, umlauts/ß, articles,
 * plurals and small speech-to-text typos are forgiven; equally good different matches are ambiguous.
 */
export function matchByName<T extends Named>(spoken: string, items: T[]): MatchResult<T> {
  const words = tokens(spoken);
  if (words.length === 0) return { kind: "none" };
  const scored = items
    .map((item) => ({
      item,
      score: Math.max(...[item.name, ...(item.aliases ?? [])].map((n) => score(words, tokens(n)))),
    }))
    .filter((s) => s.score > 0)
    .sort((x, y) => y.score - x.score);
  if (scored.length === 0) return { kind: "none" };
  const best = scored.filter((s) => s.score === scored[0]!.score).map((s) => s.item);
  return best.length === 1 ? { kind: "match", item: best[0]! } : { kind: "ambiguous", candidates: best };
}

/** "A", "A oder B", "A, B oder C" */
export function listOr(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} oder ${names[names.length - 1]}`;
}

export function listAnd(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} und ${names[names.length - 1]}`;
}
