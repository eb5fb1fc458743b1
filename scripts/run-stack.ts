import fs from "node:fs";
import path from "node:path";
import { chooseSimulator, simulatorStateFile, writeSimulatorState } from "./lib/calcom-sim-state";
import { ensureDatabaseServer, handleSignalsOurselves } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";
import { loginBanner, prepareDatabase } from "./lib/prepare-database";
import { type Managed, nextBin, runToCompletion, startProcess, stopAll, tsEntry, waitForHttp } from "./lib/processes";

/**
 * `npm run dev` / `npm start`: database (embedded unless DATABASE_URL is set), migrations,
 * demo data on an empty database, then the job worker and the web server, stopped together.
 */
const mode = process.argv[2] === "start" ? "start" : "dev";
loadProjectEnv(mode === "dev" ? "development" : "production");

const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;
const server = await ensureDatabaseServer("app");
process.env.DATABASE_URL = server.url;
if (server.embedded) console.log(`Embedded PostgreSQL running (data in .data/postgres).`);
const prepared = await prepareDatabase(server.url, process.env.SLOTDESK_SEED === "never" ? "never" : "if-empty");
const simulator = chooseSimulator();
if (simulator && (prepared.seeded || !fs.existsSync(simulatorStateFile())))
  await writeSimulatorState(server.url, prepared.ghosts);

const childEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: mode === "dev" ? "development" : "production",
} as NodeJS.ProcessEnv;
if (mode === "start" && !fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.log("No production build yet, running `next build` first …");
  const code = await runToCompletion([nextBin, "build"], childEnv);
  if (code !== 0) {
    await server.stop();
    process.exit(code);
  }
}

const processes: Managed[] = [
  ...(simulator
    ? [
        startProcess("calcom-sim", tsEntry("scripts/calcom-sim.ts"), {
          ...childEnv,
          CALCOM_SIM_STATE_FILE: simulatorStateFile(),
          CALCOM_SIM_QUIET: "1",
        }),
      ]
    : []),
  startProcess("worker", tsEntry("jobs/worker.ts"), { ...childEnv, SLOTDESK_PROCESS: "worker" }),
  startProcess("web", [nextBin, mode, "-p", String(port)], { ...childEnv, SLOTDESK_PROCESS: "web" }),
];

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopAll(processes);
  await server.stop();
  process.exit(code);
}
handleSignalsOurselves();
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const { name, child } of processes) {
  child.on("exit", (code) => {
    if (stopping) return;
    console.error(`${name} exited (code ${code}); stopping SlotDesk.`);
    void shutdown(code || 1);
  });
}

const up = await waitForHttp(`http://127.0.0.1:${port}/api/health`, 180_000, () => !stopping);
if (up)
  console.log(
    loginBanner(
      process.env.APP_URL,
      simulator ? `http://127.0.0.1:${process.env.CALCOM_SIM_PORT ?? 3100}` : null,
      childEnv.NODE_ENV,
    ),
  );
