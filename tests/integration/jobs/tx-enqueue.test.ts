import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getProducer } from "@/lib/jobs/boss";
import { bossDb } from "@/lib/jobs/tx-adapter";
import { getDb } from "@/lib/db/client";

describe("transactional enqueue", () => {
  it("a job sent inside a transaction exists only if the transaction commits", async () => {
    const boss = await getProducer();
    await boss.createQueue("tx-probe", { name: "tx-probe", policy: "stately", retryLimit: 1, expireInSeconds: 60 });
    await getDb().transaction(async (tx) => {
      const id = await boss.send(
        "tx-probe",
        { appointmentId: 1, nested: { a: [1, 2] } },
        { db: bossDb(tx), singletonKey: "appointment-1" },
      );
      expect(id).toEqual(expect.any(String));
    });
    await expect(
      getDb().transaction(async (tx) => {
        await boss.send("tx-probe", { appointmentId: 2 }, { db: bossDb(tx), singletonKey: "appointment-2" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const rows = await getDb().execute<{ data: { appointmentId: number } }>(
      sql`select data from pgboss.job where name = 'tx-probe' order by created_on`,
    );
    expect(rows.map((r) => r.data)).toEqual([{ appointmentId: 1, nested: { a: [1, 2] } }]);
  });
});
