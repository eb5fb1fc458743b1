import { startCalcomSimulator } from "../dev/calcom-sim";

/**
 * `npm run calcom:sim` — a local Cal.com API v2 simulator.
 *   CALCOM_SIM_PORT        port (default 3100)
 *   CALCOM_SIM_STATE_FILE  JSON file to load on start and keep up to date (optional)
 *   CALCOM_SIM_RATE_LIMIT  requests per minute per API key (default 120, 0 = unlimited)
 *   CALCOM_SIM_UNKNOWN_KEYS  "reject" (default: 401 like Cal.com) or "create-account" (any cal_ key works)
 * API under http://127.0.0.1:<port>/v2, control API under /__sim (see dev/calcom-sim/control.ts).
 */

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const port = intFromEnv("CALCOM_SIM_PORT", 3100);
const rateLimitPerMinute = intFromEnv("CALCOM_SIM_RATE_LIMIT", 120);
const stateFile = process.env.CALCOM_SIM_STATE_FILE || undefined;
const unknownApiKeys = process.env.CALCOM_SIM_UNKNOWN_KEYS === "create-account" ? "create-account" : "reject";

const sim = await startCalcomSimulator({
  port,
  host: process.env.CALCOM_SIM_HOST || "127.0.0.1",
  rateLimitPerMinute,
  unknownApiKeys,
  ...(stateFile ? { stateFile } : {}),
  ...(process.env.CALCOM_SIM_QUIET
    ? {}
    : { log: (line: string) => console.log(`${new Date().toISOString()} ${line}`) }),
});

console.log(
  `calcom-sim listening on ${sim.url}/v2 (control: ${sim.url}/__sim, rate limit ${rateLimitPerMinute || "off"}/min` +
    `${stateFile ? `, state file ${stateFile}` : ""})`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`calcom-sim: ${signal} received, saving state and stopping`);
  try {
    await sim.stop();
    process.exit(0);
  } catch (err) {
    console.error("calcom-sim: failed to stop cleanly", err);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
