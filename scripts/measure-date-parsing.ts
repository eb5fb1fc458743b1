/**
 * Runs the shared German phrase table through plain chrono (`chrono.de.parseDate`, forwardDate)
 * and through parseWhen, and prints how many phrases each gets right.
 *   npx tsx scripts/measure-date-parsing.ts
 */
import * as chrono from "chrono-node";
import { getTimezoneOffset } from "date-fns-tz";
import { localDate, localTime } from "../lib/time";
import { parseWhen } from "../lib/voice";
import { PHRASES, TIME_ZONE, expectationOf, hhmm, type PhraseRow } from "../tests/unit/dates/phrases";

/**
 * Plain chrono cannot say "missing" or "impossible", so for those rows refusing (null) counts as
 * correct. For rows without a time only the date is compared, since chrono always invents one.
 */
function plainChronoCorrect(row: PhraseRow): { correct: boolean; got: string } {
  const [date, time, nowIso] = row;
  const now = new Date(nowIso);
  const text = `${date ?? ""} ${time ?? ""}`.trim();
  const reference = { instant: now, timezone: getTimezoneOffset(TIME_ZONE, now) / 60_000 };
  const parsed = chrono.de.parseDate(text, reference, { forwardDate: true });
  const got = parsed ? `${localDate(parsed, TIME_ZONE)} ${localTime(parsed, TIME_ZONE)}` : "null";
  const expected = expectationOf(row);
  if (!expected.ok) return { correct: parsed === null, got };
  if (!parsed || localDate(parsed, TIME_ZONE) !== expected.date) return { correct: false, got };
  if (expected.hhmm !== null && localTime(parsed, TIME_ZONE) !== expected.hhmm) return { correct: false, got };
  return { correct: !expected.utc || parsed.toISOString() === expected.utc, got };
}

function oursCorrect(row: PhraseRow): { correct: boolean; got: string } {
  const [date, time, nowIso] = row;
  const result = parseWhen({ date, time, now: new Date(nowIso), timeZone: TIME_ZONE });
  const expected = expectationOf(row);
  if (!result.ok) return { correct: !expected.ok && expected.reason === result.reason, got: result.reason };
  const got = result.minute === null ? result.date : `${result.date} ${hhmm(result.minute)}`;
  const sameUtc = !expected.ok || !expected.utc || result.start?.toISOString() === expected.utc;
  return { correct: got === row[3] && sameUtc, got };
}

const label = (row: PhraseRow) => `${JSON.stringify(row[0])} + ${JSON.stringify(row[1])} @ ${row[2]}`;
const chronoMisses: string[] = [];
const ourMisses: string[] = [];
let chronoRight = 0;
let oursRight = 0;
for (const row of PHRASES) {
  const plain = plainChronoCorrect(row);
  const ours = oursCorrect(row);
  if (plain.correct) chronoRight += 1;
  else chronoMisses.push(`${label(row)}: expected ${row[3]}, got ${plain.got}`);
  if (ours.correct) oursRight += 1;
  else ourMisses.push(`${label(row)}: expected ${row[3]}, got ${ours.got}`);
}

const percent = (n: number) => `${((100 * n) / PHRASES.length).toFixed(1)} %`;
console.log("German date/time phrases (Europe/Berlin)");
console.table({
  "plain chrono.de": { phrases: PHRASES.length, correct: chronoRight, rate: percent(chronoRight) },
  parseWhen: { phrases: PHRASES.length, correct: oursRight, rate: percent(oursRight) },
});
console.log(`\nPlain chrono gets ${chronoMisses.length} phrases wrong:`);
for (const miss of chronoMisses) console.log(`  - ${miss}`);
if (ourMisses.length > 0) {
  console.log(`\nparseWhen gets ${ourMisses.length} phrases wrong:`);
  for (const miss of ourMisses) console.log(`  - ${miss}`);
  process.exitCode = 1;
}
