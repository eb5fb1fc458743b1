import { createDb, companies } from "../lib/db";
import { isAppError } from "../lib/errors";
import { applyRetellAgent, retellAgentParams, retellLlmParams, retellUrls } from "../lib/voice";
import { ensureDatabaseServer } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";

/**
 * `npm run retell:agent -- --print [--salon "Salon Demo"]` prints what Retell's create-retell-llm and
 * create-agent take. `-- --apply [--company <Name oder ID>] [--voice <voice_id>]` creates or updates, per
 * company, the Retell LLM and agent with RETELL_API_KEY and stores their ids on the company.
 */
loadProjectEnv("development");
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

if (args.includes("--print") || !args.includes("--apply")) {
  const salonName = option("--salon") ?? "Salon Demo";
  const llm = retellLlmParams({ salonName });
  const agent = retellAgentParams({ llmId: "<llm_id aus create-retell-llm>", salonName, voiceId: option("--voice") });
  console.log(JSON.stringify({ urls: retellUrls(), create_retell_llm: llm, create_agent: agent }, null, 2));
  if (!args.includes("--print")) {
    console.error("\nNur angezeigt – nichts geändert. Mit `npm run retell:agent -- --apply` in Retell anlegen.");
  }
  process.exit(0);
}

const only = option("--company");
const server = await ensureDatabaseServer("app", { shareRunning: true });
process.env.DATABASE_URL = server.url;
const handle = createDb(server.url, { max: 2, applicationName: "slotdesk-retell-agent" });
let exitCode = 0;
try {
  const chosen = (await handle.db.select().from(companies)).filter((c) => !only || c.name === only || c.id === only);
  if (chosen.length === 0) {
    console.error(only ? `Kein Salon „${only}“ gefunden.` : "Es gibt noch keinen Salon.");
    exitCode = 1;
  }
  for (const company of chosen) {
    const ctx = { db: handle.db, company, actor: { type: "system" as const } };
    try {
      const r = await applyRetellAgent({ ctx, input: { voiceId: option("--voice") } });
      console.log(`${company.name}:`);
      console.log(`  LLM   ${r.llmId} ${r.llmCreated ? "angelegt" : "aktualisiert"}`);
      console.log(`  Agent ${r.agentId} ${r.agentCreated ? "angelegt" : "aktualisiert"}`);
    } catch (error) {
      console.error(`${company.name}: nicht möglich – ${isAppError(error) ? error.message : messageOf(error)}`);
      exitCode = 1;
    }
  }
  const { functionUrl, webhookUrl } = retellUrls();
  if (exitCode === 0) console.log(`\nFunktions-URL: ${functionUrl}\nWebhook-URL:   ${webhookUrl}`);
} catch (error) {
  console.error(`Retell-Agent nicht eingerichtet: ${messageOf(error)}`);
  exitCode = 1;
} finally {
  await handle.close();
  await server.stop();
}
process.exit(exitCode);
