import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, it, inject } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrationsFolder } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/seed";

const serverUrl = inject("databaseServerUrl");
const name = `slotdesk_migr_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
afterAll(async () => {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

/** A copy of drizzle/ that stops after the first `count` migrations. */
function truncatedMigrations(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slotdesk-migrations-"));
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8"));
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe("migrations", () => {
  it("give appointments that existed before the exclusion constraint their busy time", async () => {
    await admin.unsafe(`create database ${name}`);
    const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    const handle = createDb(url, { max: 2 });
    try {
      await migrate(handle.db, { migrationsFolder: truncatedMigrations(2) });
      await seedDemo(handle.db, new Date("2026-11-21T11:00:00Z"));
      await handle.db.execute(sql`delete from staff_busy_intervals`);

      await migrate(handle.db, { migrationsFolder });
      const [row] = await handle.db.execute<{ busy: number; active: number }>(sql`
        select (select count(*)::int from staff_busy_intervals) as busy,
               (select count(*)::int from appointments where status <> 'cancelled') as active`);
      expect(row!.busy).toBe(row!.active);
      expect(row!.busy).toBeGreaterThan(100);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
