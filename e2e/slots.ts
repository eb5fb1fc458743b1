import { DEMO_SALON } from "../dev/seed/catalog";
import { publicHolidayOn } from "../lib/companies/holidays";
import { addDays, isoWeekday, localDate, zonedInstant } from "../lib/time/zoned";

/**
 * Where e2e specs book. The demo data is generated around SEED_REFERENCE_TIME (chosen by
 * `npm test`; by hand against `npm run dev` the seed is older than now, so now is a safe stand-in)
 * and ends DEMO_SALON.daysAhead days later. Specs book only after that, each in its own week, so
 * no seeded appointment, no other spec and no weekday of the machine's clock can get in the way.
 */
const TZ = DEMO_SALON.timeZone;

export const seedReference = (): Date => new Date(process.env.SEED_REFERENCE_TIME ?? Date.now());

/** Weeks after a spec's week that its spoken dates may reach ("übernächsten Mittwoch"). */
const REACH = 2;

/** No public holiday of the demo salon's Bundesland from Monday to Saturday of this week and the next REACH. */
const quiet = (monday: string) =>
  Array.from({ length: 6 + 7 * REACH }, (_, i) => addDays(monday, i)).every(
    (day) => isoWeekday(day) === 7 || !publicHolidayOn(DEMO_SALON.state, day),
  );

/**
 * Monday of the `week`-th week (0, 1, …) after the last seeded day, counting only weeks that start a
 * holiday-free stretch: on any date the suite runs, no spec books on Karfreitag or Christmas.
 */
export function mondayAfterSeed(week: number): string {
  const firstFree = addDays(localDate(seedReference(), TZ), DEMO_SALON.daysAhead + 1);
  let monday = addDays(firstFree, (8 - isoWeekday(firstFree)) % 7);
  for (let found = -1; ; monday = addDays(monday, 7)) if (quiet(monday) && ++found === week) return monday;
}

/** The day with this ISO weekday (1 = Monday) in that week, "yyyy-MM-dd". */
export const dayAfterSeed = (weekday: number, week: number): string => addDays(mondayAfterSeed(week), weekday - 1);

/** 08:00 salon time on the Monday of that week: the "now" of a call that plans within it. */
export const callStartInWeek = (week: number): Date => zonedInstant(mondayAfterSeed(week), 8 * 60, TZ);

/** Weeks reserved per spec, so two specs never book the same day. */
export const WEEKS = { admin: 0, voiceReplay: 1, frontDesk: 2 } as const;
