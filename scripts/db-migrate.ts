import { ensureDatabaseServer } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";
import { prepareDatabase } from "./lib/prepare-database";

/** `npm run db:migrate`: applies drizzle/ migrations and installs the job queues. */
loadProjectEnv("development");
const server = await ensureDatabaseServer("app");
try {
  await prepareDatabase(server.url, "never");
  console.log("Migrations applied.");
} finally {
  await server.stop();
}
