// German number, month and weekday words, in the ASCII-folded form produced by normalizeSpoken.

const UNITS = ["", "ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun"] as const;
const TEENS = [
  "zehn",
  "elf",
  "zwoelf",
  "dreizehn",
  "vierzehn",
  "fuenfzehn",
  "sechzehn",
  "siebzehn",
  "achtzehn",
  "neunzehn",
];
// Up to 99 so that "zehn Uhr siebzig" is read as 10:70 and refused, not as "zehn Uhr" plus noise.
const TENS: Record<string, number> = {
  zwanzig: 20,
  dreissig: 30,
  vierzig: 40,
  fuenfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};

function buildCardinals(): Map<string, number> {
  const words = new Map<string, number>([
    ["null", 0],
    ["eins", 1],
    ["zwo", 2],
  ]);
  UNITS.forEach((word, n) => n > 0 && words.set(word, n));
  TEENS.forEach((word, i) => words.set(word, 10 + i));
  for (const [tensWord, tens] of Object.entries(TENS)) {
    words.set(tensWord, tens);
    UNITS.forEach((unit, n) => n > 0 && words.set(`${unit}und${tensWord}`, tens + n));
  }
  return words;
}

/** Cardinal words 0–99 ("null" … "neunundneunzig"), plus "eins" and "zwo". */
export const CARDINALS = buildCardinals();

function ordinalStem(n: number, cardinal: string): string {
  const irregular: Record<number, string> = { 1: "erst", 3: "dritt", 7: "siebt", 8: "acht" };
  return irregular[n] ?? (n < 20 ? `${cardinal}t` : `${cardinal}st`);
}

function buildOrdinals(): Map<string, number> {
  const stems = new Map<string, number>([["siebent", 7]]);
  for (const [word, n] of CARDINALS) {
    // Ordinals up to 39 so that "zweiunddreissigsten" is recognised (and then rejected as a day).
    if (n >= 1 && n <= 39 && word !== "eins" && word !== "zwo") stems.set(ordinalStem(n, word), n);
  }
  return stems;
}

const ORDINAL_STEMS = buildOrdinals();

const MONTHS: Record<string, number> = {
  januar: 1,
  jaenner: 1,
  janner: 1,
  jan: 1,
  februar: 2,
  feber: 2,
  feb: 2,
  maerz: 3,
  maer: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
};

const WEEKDAYS: Record<string, number> = {
  montag: 1,
  dienstag: 2,
  mittwoch: 3,
  donnerstag: 4,
  freitag: 5,
  samstag: 6,
  sonnabend: 6,
  sonntag: 7,
};

/** Regex alternation of words, longest first so that "zwanzig" wins over "zwan…" prefixes. */
function alternation(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join("|");
}

// Hour words go past 24 so that "fünfundzwanzig Uhr" is recognised and then rejected.
const hourWords = [...CARDINALS.keys()];
const minuteWords = [...CARDINALS].filter(([, n]) => n >= 1).map(([word]) => word);

export const HOUR_PATTERN = `(?:\\d{1,2}|${alternation(hourWords)})`;
export const MINUTE_PATTERN = `(?:\\d{1,2}|${alternation(minuteWords)})`;
export const COUNT_PATTERN = `(?:\\d{1,3}|einer|einem|einen|${alternation(minuteWords)})`;
export const ORDINAL_PATTERN = `(?:(?:${alternation(ORDINAL_STEMS.keys())})e[nrms]?)`;
export const MONTH_PATTERN = `(?:${alternation(Object.keys(MONTHS))})`;
export const WEEKDAY_PATTERN = `(?:${alternation(Object.keys(WEEKDAYS))})`;

/** "10" → 10, "zehn" → 10, "einem" → 1; null for anything else. */
export function parseCount(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  if (token === "einer" || token === "einem" || token === "einen") return 1;
  return CARDINALS.get(token) ?? null;
}

/** "ersten" → 1, "einunddreissigsten" → 31. */
export function parseOrdinal(word: string): number | null {
  return ORDINAL_STEMS.get(word.replace(/e[nrms]?$/, "")) ?? null;
}

export function parseMonth(word: string): number | null {
  return MONTHS[word.replace(/\.$/, "")] ?? null;
}

/** ISO weekday, 1 = Montag … 7 = Sonntag. */
export function parseWeekday(word: string): number | null {
  return WEEKDAYS[word] ?? null;
}

export { MONTH_NAMES_DE as MONTH_NAMES, WEEKDAY_NAMES_DE as WEEKDAY_NAMES } from "../../time";
