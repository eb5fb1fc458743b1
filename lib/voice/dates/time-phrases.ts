import type { Parser } from "chrono-node";
import { problem, phraseParser, type Meaning, type SalonOption } from "./meaning";
import { HOUR_PATTERN, MINUTE_PATTERN, parseCount } from "./numbers";
import { QUESTIONS } from "./questions";

const H = `(${HOUR_PATTERN})`;
const M = `(${MINUTE_PATTERN})`;
const PREFIX = "(?:(?:so\\s+)?(?:um|gegen|ab|etwa|circa|ca\\.?|ungefaehr|punkt|schlag)\\s+)";
const END = "(?![\\w:]|\\.\\d)";

/** A clock reading before the day-part and salon rules; may still be out of range ("25 Uhr"). */
export interface Reading {
  hour: number;
  minute: number;
  clock24: boolean;
  /** Only from "10:00:30"; any valid second is dropped, "10:00:99" is refused. */
  second?: number;
}

/** Hours said with a leading zero, as 0 or as 13–24 are 24-hour values; 1–12 may still be afternoon. */
function hourToken(token: string): { value: number; clock24: boolean } | null {
  const value = parseCount(token);
  if (value === null) return null;
  return { value, clock24: value === 0 || value >= 13 || /^0\d$/.test(token) };
}

/** "halb elf" and friends count from the full hour: `offset` minutes after hour `h`. */
function fromHour(token: string, offset: number): Reading | null {
  const h = hourToken(token);
  if (!h || h.value < 1 || h.value > 24) return null;
  const total = h.value * 60 + offset;
  return { hour: Math.floor(total / 60), minute: ((total % 60) + 60) % 60, clock24: h.value >= 13 };
}

export function clock(hourText: string, minuteText: string | undefined): Reading | null {
  const h = hourToken(hourText);
  const minute = minuteText === undefined ? 0 : parseCount(minuteText);
  return h && minute !== null ? { hour: h.value, minute, clock24: h.clock24 } : null;
}

const withSecond = (reading: Reading | null, second: string | undefined): Reading | null =>
  reading && second !== undefined ? { ...reading, second: Number(second) } : reading;

type Form = [RegExp, (match: RegExpMatchArray, option: SalonOption) => Reading | null];

const sign = (word: string | undefined) => (word === "vor" ? -1 : 1);

const FORMS: Form[] = [
  // "fünf vor halb elf" → 10:25, "fünf nach halb elf" → 10:35
  [
    new RegExp(`${M}\\s+(vor|nach)\\s+halb\\s+${H}`),
    (m) => fromHour(m[3]!, -30 + sign(m[2]) * (parseCount(m[1]!) ?? NaN)),
  ],
  // "halb elf" → 10:30
  [new RegExp(`halb\\s+${H}`), (m) => fromHour(m[1]!, -30)],
  // "dreiviertel zehn", "drei viertel zehn" → 9:45
  [new RegExp(`drei\\s*viertel\\s+${H}`), (m) => fromHour(m[1]!, -15)],
  // "viertel nach zehn" → 10:15, "viertel vor zehn" → 9:45
  [new RegExp(`viertel\\s+(nach|vor)\\s+${H}`), (m) => fromHour(m[2]!, sign(m[1]) * 15)],
  // "viertel zehn" → 9:15 (east/south German)
  [new RegExp(`viertel\\s+${H}`), (m) => fromHour(m[1]!, -45)],
  // "zehn nach zehn" → 10:10, "fünf vor zwölf" → 11:55
  [new RegExp(`${M}\\s+(nach|vor)\\s+${H}`), (m) => fromHour(m[3]!, sign(m[2]) * (parseCount(m[1]!) ?? NaN))],
  // "10:30", "14.30 Uhr", "10:00:00"
  [
    /(\d{1,2})([:.])(\d{2})(?::(\d{2}))?(?:\s*uhr)?/,
    (m, option) =>
      // Without "um" or "Uhr", "10.11" in the date field is the 10 November, not a time.
      m[2] === "." && option.field === "date" && /^\d/.test(m[0]) && !/uhr$/.test(m[0]) && Number(m[3]) <= 12
        ? null
        : withSecond(clock(m[1]!, m[3]), m[4]),
  ],
  // "10 Uhr", "10 Uhr 30", "zehn Uhr dreißig", "10h", "ein Uhr"
  [new RegExp(`${H}\\s*(?:uhr|h)(?:\\s+${M})?`), (m) => clock(m[1]!, m[2])],
  // "um zehn", "gegen 10", "um eins"; without "um" only when it is all the time field says ("elf").
  [
    new RegExp(`(?:${PREFIX}+|^(?=${HOUR_PATTERN}$))${H}`),
    (m, option) => (m[0] === m[1] && option.field !== "time" ? null : clock(m[1]!, undefined)),
  ],
];

export function toMeaning(reading: Reading): Meaning {
  const { hour, minute, second = 0 } = reading;
  if (Number.isNaN(hour) || Number.isNaN(minute)) return problem("time", "unclear", QUESTIONS.timeNotUnderstood);
  if (second > 59) return problem("time", "impossible", QUESTIONS.noSuchSecond(hour, minute, second));
  if (hour < 0 || minute > 59 || hour > 24 || (hour === 24 && minute > 0)) {
    return problem("time", "impossible", QUESTIONS.noSuchTime(hour, minute));
  }
  if (hour % 24 === 0 && minute === 0) return problem("time", "unclear", QUESTIONS.midnight);
  return { type: "time", hour, minute, clock24: reading.clock24 };
}

function formParser([body, read]: Form): Parser {
  const pattern = new RegExp(`(?<![\\w.:])${PREFIX}*${body.source}${END}`);
  return phraseParser(pattern, (match, option) => {
    const reading = read(match, option);
    return reading ? [toMeaning(reading)] : null;
  });
}

const midnightParser = phraseParser(/(?<!\w)(?:um\s+)?mitternacht(?!\w)/, () => [
  problem("time", "unclear", QUESTIONS.midnight),
]);

export const timeParsers: Parser[] = [...FORMS.map(formParser), midnightParser];
