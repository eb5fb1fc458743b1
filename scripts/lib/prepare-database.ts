import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { createBoss, CALCOM_SYNC, ensureQueues, singletonKeyFor } from "../../lib/jobs";
import { createDb, type Db, migrateDatabase } from "../../lib/db";
import { DEMO_SALON, isDatabaseEmpty, resetDatabase, seedDemo } from "../../dev/seed";
import type { GhostBooking } from "../../dev/seed/seed-company";

export type SeedMode = "if-empty" | "never" | "reset";

/** Demo appointments waiting for Cal.com get their sync job, as a booking would have enqueued it. */
async function enqueuePendingSyncs(db: Db, boss: PgBoss): Promise<number> {
  const pending = await db.execute<{ id: number; company_id: string }>(
    sql`select id, company_id from appointments where calcom_sync_status = 'pending'`,
  );
  for (const row of pending)
    await boss.send(
      CALCOM_SYNC,
      { appointmentId: Number(row.id), companyId: row.company_id },
      { singletonKey: singletonKeyFor(Number(row.id)) },
    );
  return pending.length;
}

/**
 * The moment the demo data is generated around: `SEED_REFERENCE_TIME` (ISO 8601) when set — tests
 * choose it explicitly — else now. A malformed value stops the seed instead of silently using now.
 */
export function seedReferenceTime(value = process.env.SEED_REFERENCE_TIME): Date {
  if (!value) return new Date();
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw new Error(`SEED_REFERENCE_TIME must be an ISO 8601 instant, got "${value}"`);
  return parsed;
}

/** Schema migrations, the job queue's tables and queues, then demo data as asked. */
export async function prepareDatabase(
  url: string,
  seed: SeedMode,
  reference = seedReferenceTime(),
): Promise<{ seeded: boolean; ghosts: GhostBooking[] }> {
  await migrateDatabase(url);
  const boss = createBoss(url, "migrate");
  await boss.start();
  const handle = createDb(url, { max: 2, applicationName: "slotdesk-seed" });
  try {
    await ensureQueues(boss);
    if (seed === "never") return { seeded: false, ghosts: [] };
    if (seed === "reset") await resetDatabase(handle.db);
    else if (!(await isDatabaseEmpty(handle.db))) return { seeded: false, ghosts: [] };
    const results = await seedDemo(handle.db, reference);
    for (const r of results) console.log(`Seeded ${r.adminEmail}: ${r.appointments} appointments, ${r.calls} calls`);
    await enqueuePendingSyncs(handle.db, boss);
    return { seeded: true, ghosts: results.flatMap((r) => r.ghostBookings) };
  } finally {
    await handle.close();
    await boss.stop({ graceful: false, wait: true });
  }
}

/** What the stack prints once it is up; the demo password only in development (a production log keeps it). */
export function loginBanner(appUrl: string, simulatorUrl: string | null, nodeEnv: string | undefined): string {
  const password = nodeEnv === "development" ? DEMO_SALON.admin.password : "(Passwort siehe README, „Demo login“)";
  return [
    "",
    "  SlotDesk läuft.",
    `  Admin-Oberfläche: ${appUrl}`,
    `  Anmeldung:        ${DEMO_SALON.admin.email} / ${password}`,
    simulatorUrl
      ? `  Cal.com:          Simulator auf ${simulatorUrl}/v2 (Steuerung: ${simulatorUrl}/__sim)`
      : "  Cal.com:          CALCOM_API_URL",
    "",
  ].join("\n");
}
