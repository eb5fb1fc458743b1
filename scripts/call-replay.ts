import fs from "node:fs";
import { loadProjectEnv } from "./lib/env-file";
import { replay, scenarioSchema } from "./lib/replay";

/**
 * `npm run call:replay -- scenarios/dauerwelle-seed-001.json [--url http://localhost:3000]`
 * Plays a scripted Retell call against a running SlotDesk, signed like Retell signs.
 */
loadProjectEnv("development");
const args = process.argv.slice(2);
const urlFlag = args.indexOf("--url");
const baseUrl = urlFlag >= 0 ? args[urlFlag + 1]! : (process.env.APP_URL ?? "http://localhost:3000");
const files = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--url");
if (files.length === 0) {
  console.error("Usage: npm run call:replay -- <scenario.json> [more.json] [--url http://localhost:3000]");
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const result = await replay(scenario, { baseUrl, apiKey: process.env.RETELL_API_KEY ?? "" });
  failed += result.failures.length;
}
process.exit(failed === 0 ? 0 : 1);
