import { describe, expect, it } from "vitest";
import { parseWhen } from "@/lib/voice/dates/parse-when";
import { CARDINALS, parseOrdinal } from "@/lib/voice/dates/numbers";
import { SUN, TIME_ZONE } from "./phrases";

const ORDINALS = [
  "ersten",
  "zweiten",
  "dritten",
  "vierten",
  "fünften",
  "sechsten",
  "siebten",
  "achten",
  "neunten",
  "zehnten",
  "elften",
  "zwölften",
  "dreizehnten",
  "vierzehnten",
  "fünfzehnten",
  "sechzehnten",
  "siebzehnten",
  "achtzehnten",
  "neunzehnten",
  "zwanzigsten",
  "einundzwanzigsten",
  "zweiundzwanzigsten",
  "dreiundzwanzigsten",
  "vierundzwanzigsten",
  "fünfundzwanzigsten",
  "sechsundzwanzigsten",
  "siebenundzwanzigsten",
  "achtundzwanzigsten",
  "neunundzwanzigsten",
  "dreißigsten",
  "einunddreißigsten",
];

describe("German number words", () => {
  it.each(ORDINALS.map((word, i) => [word, i + 1] as const))("am %s Dezember is the %i December", (word, day) => {
    const result = parseWhen({ date: `am ${word} Dezember`, now: new Date(SUN), timeZone: TIME_ZONE });
    expect(result).toMatchObject({ ok: true, date: `2025-12-${String(day).padStart(2, "0")}` });
  });

  it("reads ordinal endings -e, -en, -er, -es", () => {
    expect(["erste", "ersten", "erster", "erstes"].map(parseOrdinal)).toEqual([1, 1, 1, 1]);
    expect(parseOrdinal("siebente")).toBe(7);
  });

  it("knows every cardinal from null to neunundfünfzig", () => {
    const values = new Set(CARDINALS.values());
    for (let n = 0; n < 60; n += 1) expect(values.has(n), `missing ${n}`).toBe(true);
    expect(CARDINALS.get("fuenfundvierzig")).toBe(45);
  });
});
