import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";

afterAll(() => closeDb());

/**
 * What a database restart does to the web's and the worker's pool: every backend ends, queries in
 * flight fail. The pool must not take the process down and must answer again by itself.
 */
describe("the app's pool when the database ends its connections", () => {
  it("fails the queries in flight with an error and answers the next ones on new connections", async () => {
    const killer = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      await getDb().execute(sql`select 1`);
      let failed = 0;
      for (let round = 0; round < 10; round++) {
        const inFlight = Array.from({ length: 6 }, (_, i) =>
          getDb()
            .execute(sql`select ${i}::int as i, pg_sleep(0.05)`)
            .then(
              () => 0,
              () => 1,
            ),
        );
        await killer`select pg_terminate_backend(pid) from pg_stat_activity
                      where application_name = 'slotdesk' and datname = current_database() and pid <> pg_backend_pid()`;
        failed += (await Promise.all(inFlight)).reduce((a: number, b) => a + b, 0);
      }
      expect(failed).toBeGreaterThan(0);
      const rows = await getDb().execute<{ one: number }>(sql`select 1 as one`);
      expect([...rows]).toEqual([{ one: 1 }]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
      await killer.end({ timeout: 1 });
    }
  });
});
