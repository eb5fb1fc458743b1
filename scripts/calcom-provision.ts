import { createDb, companies } from "../lib/db";
import { previewProvisioning, provisionEventTypes } from "../lib/calcom/provisioning";
import { ensureDatabaseServer } from "./lib/database-server";
import { chooseSimulator } from "./lib/calcom-sim-state";
import { loadProjectEnv } from "./lib/env-file";

/**
 * `npm run calcom:provision [-- --apply] [--company "Salon Demo"]`
 * Plans (dry run, the default) or carries out, per company: single-host Cal.com event types with the
 * salon settings (notice 0, the salon's address, hidden, no confirmation) for every service segment ×
 * staff whose mapping is missing or broken, corrections of wrong settings, calcom_event_map, and one
 * SlotDesk webhook per mapped event type.
 */
loadProjectEnv("development");
chooseSimulator();
const args = process.argv.slice(2);
const apply = args.includes("--apply");
const only = args.includes("--company") ? args[args.indexOf("--company") + 1] : undefined;
const ACTION = { create: "anlegen", reuse: "wiederverw.", update: "korrigieren", skip: "überspringen" } as const;
const HOOK = { register: "einrichten", repair: "reparieren", keep: "unverändert", skip: "überspringen" } as const;
const server = await ensureDatabaseServer("app", { shareRunning: true });
process.env.DATABASE_URL = server.url;
const handle = createDb(server.url, { max: 3, applicationName: "slotdesk-provision" });
let exitCode = 0;
try {
  for (const company of await handle.db.select().from(companies)) {
    if (only && company.name !== only && company.id !== only) continue;
    const ctx = { db: handle.db, company, actor: { type: "system" as const } };
    try {
      const { steps, webhooks } = await previewProvisioning({ ctx });
      const changes = webhooks.filter((w) => w.action !== "keep");
      const todo = steps.length + changes.length;
      const summary = todo ? `${steps.length} Zuordnungen, ${changes.length} Webhooks zu tun` : "alles in Ordnung";
      console.log(`\n${company.name}: ${summary}`);
      for (const s of steps) {
        const minutes = `${String(s.durationMinutes).padStart(3)} min`;
        console.log(`  ${ACTION[s.action].padEnd(12)} ${s.title.padEnd(60)} ${minutes}  ${s.status} – ${s.reason}`);
      }
      for (const w of changes) {
        const id = String(w.eventTypeId).padEnd(9);
        console.log(`  Webhook ${HOOK[w.action].padEnd(12)} ${id} ${w.title}: ${w.reason}`);
      }
      if (apply && todo > 0) {
        const { webhooks: h, ...r } = await provisionEventTypes({ ctx });
        const types = `${r.created} angelegt, ${r.reused} wiederverwendet, ${r.updated} korrigiert`;
        console.log(`  → ${types}, ${r.skipped} übersprungen`);
        console.log(`  → Webhooks: ${h.registered} eingerichtet, ${h.repaired} repariert, ${h.kept} unverändert`);
      }
    } catch (error) {
      console.error(`  Nicht möglich: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 1;
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
