import { describe, expect, it } from "vitest";
import { getDbHandle } from "@/lib/db/client";
import { seedTenants } from "@/bench/tenants-data";
import { explainHotQueries, recordHotQueries, TENANT_GROWTH_TABLES } from "@/scripts/lib/hot-queries";

/**
 * Every hot query is tenant-led: with 40 salons in the database (40 000 appointments, 112 000 phases,
 * 40 000 calls, statistics fresh), no voice function, admin page or metrics scrape reads a whole
 * table of appointments, phases, calls or busy time. The bench (item 8) runs the same check on 1 000.
 */
describe("query plans of the hot paths", async () => {
  const now = new Date("2026-12-02T09:30:00Z");
  const seed = await seedTenants(getDbHandle().sql, {
    salons: 40,
    today: "2026-12-02",
    now,
  });

  it("records the voice functions, the admin pages and the metrics scrape and reads no growing table whole", async () => {
    const queries = await recordHotQueries({
      companyId: seed.salons[17]!.companyId,
      now,
      callerPhone: "+491700000001",
    });
    const plans = await explainHotQueries(getDbHandle().sql, queries);
    for (const path of ["voice", "admin", "metrics"])
      expect(plans.filter((p) => p.path === path).length, path).toBeGreaterThan(3);
    const offenders = plans
      .filter((p) => p.seqScans.some((table) => TENANT_GROWTH_TABLES.includes(table)))
      .map((p) => `${p.path}: ${p.seqScans.join(", ")}\n${p.text}\n${p.plan}`);
    expect(offenders).toEqual([]);
  });
});
