import { createBoss } from "../../jobs/boss";
import { ensureQueues } from "../../jobs/queues";
import { createDb } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { DEMO_SALON, isDatabaseEmpty, resetDatabase, seedDemo } from "../../lib/seed";

export type SeedMode = "if-empty" | "never" | "reset";

/** Schema migrations, the job queue's tables and queues, then demo data as asked. */
export async function prepareDatabase(url: string, seed: SeedMode): Promise<{ seeded: boolean }> {
  await migrateDatabase(url);
  const boss = createBoss(url, "migrate");
  await boss.start();
  await ensureQueues(boss);
  await boss.stop({ graceful: false, wait: true });

  if (seed === "never") return { seeded: false };
  const handle = createDb(url, { max: 2, applicationName: "slotdesk-seed" });
  try {
    if (seed === "reset") await resetDatabase(handle.db);
    else if (!(await isDatabaseEmpty(handle.db))) return { seeded: false };
    const results = await seedDemo(handle.db);
    for (const r of results) console.log(`Seeded ${r.adminEmail}: ${r.appointments} appointments, ${r.calls} calls`);
    return { seeded: true };
  } finally {
    await handle.close();
  }
}

export function loginBanner(appUrl: string): string {
  return [
    "",
    "  SlotDesk läuft.",
    `  Admin-Oberfläche: ${appUrl}`,
    `  Anmeldung:        ${DEMO_SALON.admin.email} / ${DEMO_SALON.admin.password}`,
    "",
  ].join("\n");
}
