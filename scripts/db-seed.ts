import { ensureDatabaseServer } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";
import { prepareDatabase } from "./lib/prepare-database";
import { usesSimulator, writeSimulatorState } from "./lib/calcom-sim-state";

/** `npm run db:seed` seeds an empty database; `npm run db:seed -- --reset` wipes and reseeds. */
loadProjectEnv("development");
const reset = process.argv.includes("--reset");
const server = await ensureDatabaseServer("app");
try {
  const { seeded, ghosts } = await prepareDatabase(server.url, reset ? "reset" : "if-empty");
  // The simulator must know the bookings the seed says exist (stop the app before reseeding).
  if (seeded && usesSimulator()) await writeSimulatorState(server.url, ghosts);
  if (!seeded)
    console.log("The database already holds data; nothing seeded. Use `npm run db:seed -- --reset` to start over.");
} finally {
  await server.stop();
}
