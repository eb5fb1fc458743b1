import { sql } from "drizzle-orm";
import { createAdminUser } from "../lib/auth/create-admin";
import type { Db } from "../lib/db/client";
import { addDays, isoWeekday, type LocalDate } from "../lib/time/zoned";
import { createScaleCompany, type ScaleCompany } from "./scale-data";

/** The benchmark's salons, written with set-based SQL so 150 000 appointments take seconds. */

export const STYLISTS = [
  "Anna Berger",
  "Ben Krause",
  "Clara Vogel",
  "David Sommer",
  "Emma Lorenz",
  "Felix Brandt",
  "Greta Hahn",
  "Hannes Weiß",
  "Ida Schuster",
  "Jonas Pohl",
];
export const LISTS_ADMIN = { name: "Bench Admin", email: "admin@bench.slotdesk.test", password: "Bench-Admin-2026" };

export const mondayOnOrBefore = (date: LocalDate): LocalDate => addDays(date, 1 - isoWeekday(date));

export type BenchSalons = {
  /** Item 1/2: 10 stylists, 120 days of history and 90 days ahead, three appointments a day each. */
  voice: ScaleCompany & { agentId: string; firstDay: LocalDate; days: number };
  /** Item 4: 10 stylists, 500 appointments around the measured weeks. */
  availability: ScaleCompany & { firstDay: LocalDate };
  /** Item 5: 100 000 calls and 150 000 appointments, with an admin login (only when item 5 runs). */
  lists: ScaleCompany | null;
};

export async function seedBenchSalons(
  db: Db,
  today: LocalDate,
  log: (line: string) => void,
  options: { lists: boolean },
): Promise<BenchSalons> {
  const voiceFirstDay = mondayOnOrBefore(addDays(today, -120));
  const voiceDays = 210;
  const workingDays = Math.floor(voiceDays / 7) * 6;
  const started = Date.now();
  const voice = await createScaleCompany(db, {
    name: "Bench: Salon am Markt",
    agentId: "agent_bench_voice",
    staffCount: 10,
    staffNames: STYLISTS,
    customers: 4_000,
    calls: 12_000,
    appointments: workingDays * 10 * 3,
    firstDay: voiceFirstDay,
    perStaffPerDay: 3,
  });
  log(
    `voice salon: 10 stylists, ${workingDays * 30} appointments from ${voiceFirstDay} (${Math.round((Date.now() - started) / 1000)} s)`,
  );

  const availabilityFirstDay = mondayOnOrBefore(today);
  const availability = await createScaleCompany(db, {
    name: "Bench: Verfügbarkeit",
    agentId: "agent_bench_availability",
    staffCount: 10,
    staffNames: STYLISTS,
    customers: 400,
    calls: 500,
    appointments: 500,
    firstDay: availabilityFirstDay,
    perStaffPerDay: 3,
  });
  log(`availability salon: 10 stylists, 500 appointments from ${availabilityFirstDay}`);

  if (!options.lists)
    return {
      voice: { ...voice, agentId: "agent_bench_voice", firstDay: voiceFirstDay, days: voiceDays },
      availability: { ...availability, firstDay: availabilityFirstDay },
      lists: null,
    };
  const t = Date.now();
  const lists = await createScaleCompany(db, {
    name: "Bench: Großer Salon",
    agentId: "agent_bench_lists",
    staffCount: 25,
    customers: 40_000,
    calls: 100_000,
    appointments: 150_000,
    // 150 000 / (25 × 5) = 1 200 working days ≈ 1 400 calendar days, ending about 100 days ahead.
    firstDay: mondayOnOrBefore(addDays(today, -1_300)),
  });
  await createAdminUser(db, { companyId: lists.companyId, ...LISTS_ADMIN });
  await db.execute(sql`analyze`);
  log(`lists salon: 100 000 calls, 150 000 appointments (${Math.round((Date.now() - t) / 1000)} s)`);

  return {
    voice: { ...voice, agentId: "agent_bench_voice", firstDay: voiceFirstDay, days: voiceDays },
    availability: { ...availability, firstDay: availabilityFirstDay },
    lists,
  };
}
