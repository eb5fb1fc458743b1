import { createRandom, type Random } from "../../dev/seed/random";
import { MONTH_NAMES_DE } from "../../lib/time";
import { addDays, isoWeekday, type LocalDate } from "../../lib/time/zoned";
import { type CallScript, type LoadResult, pause, runLoad } from "../lib/voice-client";
import type { BenchSalons } from "../seed";

/**
 * Item 1: check_availability and book_appointment over HTTP against the production server, at 1,
 * 10 and 50 concurrent callers, with spoken German as callers say it.
 */

const SPOKEN_TIMES = [
  "zehn Uhr",
  "halb elf",
  "viertel nach zwei",
  "15:30",
  "elf Uhr",
  "um drei",
  "17 Uhr",
  "neun Uhr",
  "halb fünf",
  "zwölf Uhr",
];
/** Times that are free in the voice salon's pattern (appointments start 08:00, 12:00, 16:00 and last ≤ 135 min). */
const FREE_TIMES: [spoken: string, clock: string][] = [
  ["viertel nach zehn", "10:15"],
  ["viertel vor elf", "10:45"],
  ["viertel nach elf", "11:15"],
  ["viertel nach zwei", "14:15"],
  ["viertel vor drei", "14:45"],
  ["viertel nach drei", "15:15"],
  ["viertel nach sechs", "18:15"],
  ["viertel vor sieben", "18:45"],
  ["viertel nach sieben", "19:15"],
];

const [year, month, day] = [
  (d: LocalDate) => Number(d.slice(0, 4)),
  (d: LocalDate) => Number(d.slice(5, 7)),
  (d: LocalDate) => Number(d.slice(8, 10)),
];
const firstName = (name: string) => name.split(" ")[0]!;

function spokenDate(random: Random, today: LocalDate, offset: number): string {
  const date = addDays(today, offset);
  const form = random.int(0, 5);
  if (offset === 1 && form < 2) return "morgen";
  if (offset === 2 && form < 2) return "übermorgen";
  if (form === 2 && offset >= 7 && offset < 14)
    return `nächsten ${["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][isoWeekday(date) - 1]}`;
  if (form === 3) return `${day(date)}.${month(date)}.`;
  if (form === 4) return date;
  return `am ${day(date)}. ${MONTH_NAMES_DE[month(date) - 1]}`;
}

const SERVICES = [
  ["Herrenhaarschnitt", 5],
  ["Herrenschnitt", 2],
  ["Dauerwelle", 3],
] as const;

/** Back-to-back checks (no pauses): a caller asks up to three times, as callers do when the first wish is taken. */
export function checkScript(salon: BenchSalons["voice"], today: LocalDate, seed = 1): CallScript {
  const random = createRandom(seed);
  return async (_caller, send) => {
    const service = random.weighted(SERVICES);
    const staff = random.chance(0.25) ? { staff: firstName(random.pick(salon.staffNames)) } : {};
    const date = spokenDate(random, today, random.int(1, 14));
    if (random.chance(0.2)) await send({ name: "check_availability", args: { service, date, ...staff } });
    for (let i = random.int(1, 3); i > 0; i--)
      await send({ name: "check_availability", args: { service, date, time: random.pick(SPOKEN_TIMES), ...staff } });
    return true;
  };
}

/**
 * A phone call as it happens: the agent and the caller talk 2–6 s between function calls; the
 * caller names a wish, takes the first alternative when it is taken (up to three times) and books
 * the slot the agent is holding for them.
 */
export function phoneCallScript(
  salon: Pick<BenchSalons["voice"], "staffNames">,
  today: LocalDate,
  seed = 3,
): CallScript {
  const random = createRandom(seed);
  const talk = () => pause(random.int(2_000, 6_000));
  return async (caller, send) => {
    const service = random.weighted(SERVICES);
    let wish: Record<string, unknown> = {
      service,
      date: spokenDate(random, today, random.int(1, 14)),
      time: random.pick(SPOKEN_TIMES.filter((t) => t !== "12:00")),
      ...(random.chance(0.25) ? { staff: firstName(random.pick(salon.staffNames)) } : {}),
    };
    await talk();
    for (let attempt = 0; attempt < 3; attempt++) {
      const answer = await send({ name: "check_availability", args: wish });
      await talk();
      if (answer.json?.available === true) {
        await send({
          name: "book_appointment",
          args: { ...wish, customer_name: `Anrufer ${caller.fromNumber.slice(-4)}` },
        });
        return true;
      }
      const alternative = (answer.json?.alternatives as { start: string; staff_name: string }[] | undefined)?.[0];
      if (!alternative) return true;
      wish = {
        service,
        date: alternative.start.slice(0, 10),
        time: alternative.start.slice(11, 16),
        staff: alternative.staff_name,
      };
    }
    return true;
  };
}

export type BookingSlot = { date: LocalDate; staffName: string; time: [string, string] };

/** Free slots of the voice salon from day `fromOffset` on, shuffled so concurrent callers spread over stylists and days as real ones do. */
export function freeSlots(
  salon: BenchSalons["voice"],
  today: LocalDate,
  fromOffset: number,
  toOffset: number,
): BookingSlot[] {
  const slots: BookingSlot[] = [];
  for (let offset = fromOffset; offset < toOffset; offset++) {
    const date = addDays(today, offset);
    if (isoWeekday(date) === 7) continue;
    for (const staffName of salon.staffNames) for (const time of FREE_TIMES) slots.push({ date, staffName, time });
  }
  const random = createRandom(7);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  return slots;
}

export function bookScript(slots: BookingSlot[], seed = 2): CallScript {
  const random = createRandom(seed);
  let next = 0;
  return async (_caller, send) => {
    const slot = slots[next++];
    if (!slot) return false;
    const date = random.chance(0.5)
      ? `am ${day(slot.date)}. ${MONTH_NAMES_DE[month(slot.date) - 1]}`
      : random.chance(0.5)
        ? `${day(slot.date)}.${month(slot.date)}.${year(slot.date)}`
        : slot.date;
    const time = random.chance(0.5) ? slot.time[0] : slot.time[1];
    await send({
      name: "book_appointment",
      args: {
        service: random.chance(0.7) ? "Herrenhaarschnitt" : "Herrenschnitt",
        date,
        time,
        staff: firstName(slot.staffName),
        customer_name: `Bench Anrufer ${next}`,
      },
    });
    return true;
  };
}

export type VoiceLoadResult = {
  /** Phone calls with talking pauses: the load the goals speak of ("50 concurrent calls"). */
  calls: LoadResult[];
  /** Back-to-back requests without pauses: saturation, to find the throughput limit. */
  check: LoadResult[];
  book: LoadResult[];
  slotsOffered: number;
};

const fmt = (r: LoadResult, name: string) => {
  const f = r.functions[name];
  return f
    ? `${f.requests} requests, p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms, ${f.throughputPerSecond}/s`
    : "no requests";
};

export async function measureVoice(options: {
  baseUrl: string;
  apiKey: string;
  salon: BenchSalons["voice"];
  today: LocalDate;
  quick: boolean;
  log: (line: string) => void;
}): Promise<VoiceLoadResult> {
  const { baseUrl, apiKey, salon, today, quick } = options;
  const common = { baseUrl, apiKey, agentId: salon.agentId };
  // Warm-up: JIT, connection pools and Next's route cache, for checks and bookings; not recorded.
  // Its bookings go to days 105+, clear of the measured bookings (15–85) and the race (90+).
  await runLoad({ ...common, concurrency: 10, durationMs: 5_000, script: checkScript(salon, today, 99) });
  await runLoad({
    ...common,
    concurrency: 10,
    durationMs: 3_000,
    script: bookScript(freeSlots(salon, today, salon.days - 105, salon.days - 95), 99),
  });

  const calls: LoadResult[] = [];
  for (const [concurrency, seconds] of [
    [10, quick ? 15 : 90],
    [50, quick ? 20 : 60],
  ] as const) {
    const result = await runLoad({
      ...common,
      concurrency,
      durationMs: seconds * 1000,
      script: phoneCallScript(salon, today, concurrency),
    });
    options.log(
      `${concurrency} phone calls: check ${fmt(result, "check_availability")}; book ${fmt(result, "book_appointment")}`,
    );
    calls.push(result);
  }

  const durationMs = quick ? 5_000 : 15_000;
  const check: LoadResult[] = [];
  for (const concurrency of [1, 10, 50]) {
    const result = await runLoad({
      ...common,
      concurrency,
      durationMs,
      script: checkScript(salon, today, concurrency),
    });
    options.log(`check_availability × ${concurrency} back-to-back: ${fmt(result, "check_availability")}`);
    check.push(result);
  }
  // Bookings go to days 15+ so no check's hold (other calls, 5 minutes) is in their way.
  const slots = freeSlots(salon, today, 15, salon.days - 125);
  const script = bookScript(slots);
  await runLoad({ ...common, concurrency: 10, durationMs: 3_000, script });
  const book: LoadResult[] = [];
  for (const concurrency of [1, 10, 50]) {
    const result = await runLoad({ ...common, concurrency, durationMs, script });
    options.log(`book_appointment × ${concurrency} back-to-back: ${fmt(result, "book_appointment")}`);
    book.push(result);
  }
  return { calls, check, book, slotsOffered: slots.length };
}
