import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { migrationsFolder } from "@/lib/db/migrate";
import { seedDemo } from "@/dev/seed";

describe("migrations", () => {
  it("0002 gives appointments that existed before the exclusion constraint their busy time", async () => {
    const db = getDb();
    await seedDemo(db, new Date("2026-11-21T11:00:00Z"));
    // Back to the state before 0002: appointments without busy rows, no constraint.
    await db.execute(sql`delete from staff_busy_intervals`);
    await db.execute(
      sql`alter table staff_busy_intervals drop constraint staff_busy_intervals_no_overlap, drop constraint staff_busy_intervals_not_empty`,
    );
    await db.execute(sql`drop index staff_busy_intervals_hold_expiry_idx`);
    // …and before 0013's person guard: the demo's Fabian records overlapped long before they were flagged.
    await db.execute(sql`alter table staff_busy_intervals disable trigger staff_busy_person_guard`);

    const migration = fs.readFileSync(path.join(migrationsFolder, "0002_no_double_booking.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) {
      if (statement.trim()) await db.execute(sql.raw(statement));
    }
    const [row] = await db.execute<{ busy: number; active: number }>(sql`
      select (select count(*)::int from staff_busy_intervals) as busy,
             (select count(*)::int from appointments where status <> 'cancelled') as active`);
    expect(row!.busy).toBe(row!.active);
    expect(row!.busy).toBeGreaterThan(100);
    await db.execute(sql`alter table staff_busy_intervals enable trigger staff_busy_person_guard`);
  });
});
