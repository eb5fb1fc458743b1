import { sql } from "drizzle-orm";
import { type Db, companies } from "../../lib/db";
import { DEMO_SALON, SECOND_SALON } from "./catalog";
import { seedCompany, type SeedResult } from "./seed-company";

export { DEMO_SALON, SECOND_SALON };

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: companies.id }).from(companies).limit(1);
  return rows.length === 0;
}

/** Removes every tenant's data (companies cascade to everything they own). */
export async function resetDatabase(db: Db): Promise<void> {
  await db.execute(
    sql`truncate companies, users, sessions, accounts, verifications, login_throttles, retell_agent_holders, retell_agent_sightings restart identity cascade`,
  );
}

/** The demo salon and a second company, relative to `now`. */
export async function seedDemo(db: Db, now = new Date()): Promise<SeedResult[]> {
  const counters = { bookingId: 13068988 };
  return [await seedCompany(db, DEMO_SALON, now, counters), await seedCompany(db, SECOND_SALON, now, counters)];
}
