import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, PREPARE_MAX_PARAMETERS } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";

/** Named statements of the transaction's connection whose text mentions `marker`. */
const preparedOn = async (
  tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0],
  marker: string,
) => {
  const rows = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
  );
  return rows[0]!.n;
};

describe("database client", () => {
  it("lets postgres.js prepare the queries drizzle builds: one named statement, reused, inside transactions too", async () => {
    await getDb().transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        const rows = await tx
          .select({ id: companies.id })
          .from(companies)
          .where(eq(companies.name, `db-client-probe-${i}`));
        expect(rows).toEqual([]);
      }
      // One statement for three executions with different values; its text is the builder's.
      expect(await preparedOn(tx, "db-client-probe")).toBe(0);
      const rows = await tx.execute<{ statement: string }>(
        sql`select statement from pg_prepared_statements where statement like '%from "companies" where "companies"."name" = $1%'`,
      );
      expect(rows).toHaveLength(1);

      await tx.transaction(async (savepoint) => {
        await savepoint
          .select({ id: companies.id })
          .from(companies)
          .where(eq(companies.retellAgentId, "agent_db_client_probe"));
      });
      const nested = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%"companies"."retell_agent_id" = $1%'`,
      );
      expect(nested[0]!.n).toBe(1);
    });
  });

  it("leaves bulk statements with more than the limit of parameters unnamed", async () => {
    await getDb().transaction(async (tx) => {
      const many = Array.from(
        { length: PREPARE_MAX_PARAMETERS + 1 },
        (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      );
      expect(await tx.select({ id: companies.id }).from(companies).where(inArray(companies.id, many))).toEqual([]);
      const rows = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%$${PREPARE_MAX_PARAMETERS + 1})%`}`,
      );
      expect(rows[0]!.n).toBe(0);
      const few = many.slice(0, 3);
      await tx.select({ id: companies.id }).from(companies).where(inArray(companies.id, few));
      const prepared = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%"companies"."id" in ($1, $2, $3)%'`,
      );
      expect(prepared[0]!.n).toBe(1);
    });
  });
});
