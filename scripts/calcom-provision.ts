import { createDb } from "../lib/db/client";
import { companies } from "../lib/db/schema";
import { applyProvisioning, planProvisioning } from "../lib/calcom/provision";
import { ensureDatabaseServer } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";

/**
 * `npm run calcom:provision [-- --apply] [--company "Salon Demo"]`
 * Plans (dry run, the default) or creates single-host Cal.com event types with empty metadata for
 * every service segment × staff whose mapping is missing or broken, and updates calcom_event_map.
 */
loadProjectEnv("development");
const args = process.argv.slice(2);
const apply = args.includes("--apply");
const only = args.includes("--company") ? args[args.indexOf("--company") + 1] : undefined;
const server = await ensureDatabaseServer("app");
const handle = createDb(server.url, { max: 2, applicationName: "slotdesk-provision" });
let exitCode = 0;
try {
  for (const company of await handle.db.select().from(companies)) {
    if (only && company.name !== only && company.id !== only) continue;
    const ctx = { db: handle.db, company, actor: { type: "system" as const } };
    const plan = await planProvisioning({ ctx });
    console.log(`\n${company.name}: ${plan.length === 0 ? "alle Zuordnungen in Ordnung" : `${plan.length} Zuordnungen zu reparieren`}`);
    for (const step of plan) {
      console.log(`  ${step.action.padEnd(6)} ${step.title.padEnd(70)} ${String(step.durationMinutes).padStart(3)} min  ${step.status} – ${step.reason}`);
    }
    if (apply && plan.length > 0) {
      const result = await applyProvisioning({ ctx, plan });
      console.log(`  → ${result.created} angelegt, ${result.reused} wiederverwendet, ${result.skipped} übersprungen`);
    }
  }
  if (!apply) console.log("\nTrockenlauf – nichts geändert. Mit `npm run calcom:provision -- --apply` ausführen.");
} catch (error) {
  console.error(`Provisionierung fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await handle.close();
  await server.stop();
}
process.exit(exitCode);
