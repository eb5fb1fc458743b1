import type { Ctx } from "../context";
import { notBefore, addDays, localDate, minutesIntoLocalDay } from "../time";
import { byLoad, type Candidate, findAvailability } from "./availability";

const SEARCH_DAYS = 14;

/**
 * The nearest bookable starts around a wished-for time that was not available: same staff member
 * first, then others; the same day first (nearest in time), then the following days up to 14.
 * Never the refused start itself (with anyone) and never one start twice: the caller hears times,
 * and "10 Uhr is taken, I could offer 10 Uhr" is untrue whichever stylist record it names.
 */
export async function findAlternatives({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    serviceId: number;
    around: Date;
    staffId?: string;
    staffIds?: string[];
    callId?: number;
    ignoreAppointmentId?: number;
    limit?: number;
    now?: Date;
  };
}): Promise<Candidate[]> {
  const tz = ctx.company.timeZone;
  const limit = input.limit ?? 3;
  const refused = input.around.getTime();
  // A wish in the past is answered with what is bookable from now on, at about the wished time of day.
  const around = notBefore(input.around, notBefore(input.now));
  const wanted = around.getTime();
  const wantedMinute = minutesIntoLocalDay(input.around, tz);
  const firstDay = localDate(around, tz);
  const preferred = new Set(input.staffIds ?? (input.staffId ? [input.staffId] : []));
  const picked: Candidate[] = [];
  const seen = new Set<number>([refused]);
  const take = (list: Candidate[]) => {
    for (const c of list) {
      if (picked.length >= limit) return;
      if (seen.has(c.start.getTime())) continue;
      seen.add(c.start.getTime());
      picked.push(c);
    }
  };

  // Usually the same day has enough; widen the search only when it does not.
  for (const [fromDay, toDay] of [
    [0, 0],
    [1, 3],
    [4, SEARCH_DAYS],
  ] as const) {
    if (picked.length >= limit) break;
    const availability = await findAvailability({
      ctx,
      input: {
        serviceId: input.serviceId,
        from: addDays(firstDay, fromDay),
        to: addDays(firstDay, toDay),
        callId: input.callId,
        ignoreAppointmentId: input.ignoreAppointmentId,
        now: input.now,
      },
    });
    const pool = availability.candidates;
    for (let day = fromDay; day <= toDay && picked.length < limit; day++) {
      const date = addDays(firstDay, day);
      const closeness = (c: Candidate) =>
        day === 0 ? Math.abs(c.start.getTime() - wanted) : Math.abs(c.minute - wantedMinute);
      const sorted = (list: Candidate[]) => {
        const byTime = new Map<number, Candidate[]>();
        for (const c of list) byTime.set(c.start.getTime(), [...(byTime.get(c.start.getTime()) ?? []), c]);
        return [...byTime.values()]
          .sort((a, b) => closeness(a[0]!) - closeness(b[0]!) || a[0]!.start.getTime() - b[0]!.start.getTime())
          .flatMap((same) => byLoad(same, availability.load));
      };
      const ofDay = pool.filter((c) => c.date === date);
      if (preferred.size) {
        take(sorted(ofDay.filter((c) => preferred.has(c.staffId))));
        take(sorted(ofDay.filter((c) => !preferred.has(c.staffId))));
      } else {
        take(sorted(ofDay));
      }
    }
  }
  return picked;
}
