import { createDb, companies } from "../lib/db";
import { calcomConnectionFor } from "../lib/calcom";
import { runCalcomCheck } from "../lib/calcom/sync";
import { ensureDatabaseServer } from "./lib/database-server";
import { chooseSimulator } from "./lib/calcom-sim-state";
import { loadProjectEnv } from "./lib/env-file";

/**
 * `npm run calcom:check [-- --company "Salon Demo"]`: the go-live check against each company's
 * configured Cal.com (its own URL and key, else CALCOM_API_URL/KEY, else the simulator of a running
 * `npm run dev`). Prints every step in German; exits 1 when a step failed.
 */
loadProjectEnv("development");
chooseSimulator();
const args = process.argv.slice(2);
const only = args.includes("--company") ? args[args.indexOf("--company") + 1] : undefined;
const server = await ensureDatabaseServer("app", { shareRunning: true });
process.env.DATABASE_URL = server.url;
const handle = createDb(server.url, { max: 2, applicationName: "slotdesk-calcom-check" });
let exitCode = 0;
try {
  const chosen = (await handle.db.select().from(companies)).filter((c) => !only || c.name === only || c.id === only);
  if (chosen.length === 0) throw new Error(only ? `Keine Firma „${only}“ gefunden.` : "Es gibt noch keine Firma.");
  for (const company of chosen) {
    const target = calcomConnectionFor(company);
    const kind = target.connected && target.simulated ? "Cal.com-Simulator" : "Cal.com";
    const where = target.connected ? `${kind} unter ${target.baseUrl}` : target.message;
    console.log(`\n${company.name} – ${where}`);
    const result = await runCalcomCheck({ ctx: { db: handle.db, company, actor: { type: "system" } } });
    for (const step of result.steps) console.log(`  ${step.ok ? "✓" : "✗"} ${step.step}: ${step.detail}`);
    console.log(
      `  ${result.ok ? "Bestanden – Cal.com ist bereit für den Betrieb." : "Nicht bestanden – bitte die markierten Schritte beheben."}`,
    );
    if (!result.ok) exitCode = 1;
  }
} catch (error) {
  console.error(`Prüfung fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await handle.close();
  await server.stop();
}
process.exit(exitCode);
