import { eq } from "drizzle-orm";
import { findAvailability } from "../../lib/booking/availability";
import type { Db } from "../../lib/db/client";
import { companies } from "../../lib/db/schema";
import { addDays, isoWeekday, type LocalDate, zonedInstant } from "../../lib/time/zoned";
import { summarize, timed, type Summary } from "../lib/stats";
import type { BenchSalons } from "../seed";

export type AvailabilityResult = {
  staff: number;
  appointments: number;
  day: Summary & { service: string; slotsPerDay: number };
  dayComposite: Summary & { service: string; slotsPerDay: number };
  week: Summary & { service: string; slotsPerWeek: number };
};

/**
 * Item 4: the booking engine's availability (lib/booking, no HTTP) for "any qualified stylist"
 * over one day and one week, in the salon with 10 stylists and 500 appointments. "Now" is set
 * before the measured days so every candidate start is evaluated.
 */
export async function measureAvailability(
  db: Db,
  salon: BenchSalons["availability"],
  iterations = 200,
): Promise<AvailabilityResult> {
  const [company] = await db.select().from(companies).where(eq(companies.id, salon.companyId));
  const ctx = { db, company: company!, actor: { type: "system" as const } };
  const now = zonedInstant(addDays(salon.firstDay, -1), 0, company!.timeZone);
  const days: LocalDate[] = [];
  for (let d = 0; days.length < 17; d++)
    if (isoWeekday(addDays(salon.firstDay, d)) !== 7) days.push(addDays(salon.firstDay, d));

  const run = async (serviceId: number, span: number, count: number) => {
    const samples: number[] = [];
    let slots = 0;
    for (let i = -10; i < count; i++) {
      const from = days[(i + 10) % (days.length - span)]!;
      const r = await timed(() => findAvailability({ ctx, input: { serviceId, from, to: addDays(from, span), now } }));
      if (i >= 0) {
        samples.push(r.ms);
        slots += r.value.slots.length;
      }
    }
    return { summary: summarize(samples), slotsPerRun: Math.round(slots / count) };
  };
  const day = await run(salon.serviceIds.cut, 0, iterations);
  const dayComposite = await run(salon.serviceIds.perm, 0, iterations);
  const week = await run(salon.serviceIds.cut, 6, Math.round(iterations / 2));
  return {
    staff: salon.staffIds.length,
    appointments: 500,
    day: { ...day.summary, service: "Herrenhaarschnitt", slotsPerDay: day.slotsPerRun },
    dayComposite: {
      ...dayComposite.summary,
      service: "Dauerwelle (4 Phasen mit Bedienung)",
      slotsPerDay: dayComposite.slotsPerRun,
    },
    week: { ...week.summary, service: "Herrenhaarschnitt", slotsPerWeek: week.slotsPerRun },
  };
}
