import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./client";

export const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies every migration in drizzle/ that the database has not seen yet. */
export async function migrateDatabase(url: string): Promise<void> {
  const handle = createDb(url, { max: 1, applicationName: "slotdesk-migrate" });
  try {
    await migrate(handle.db, { migrationsFolder });
  } finally {
    await handle.close();
  }
}
