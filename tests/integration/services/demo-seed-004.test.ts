import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { simulatorKeyFor } from "@/lib/calcom/config";
import { encryptSecret } from "@/lib/crypto/secrets";
import { getDb } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";
import { seedDemo } from "@/dev/seed";
import { buildSimulatorSnapshot } from "@/dev/seed/simulator-state";
import { checkEventTypes } from "@/lib/calcom/provisioning/check-event-types";
import { previewProvisioning } from "@/lib/calcom/provisioning/preview-provisioning";
import { provisionEventTypes } from "@/lib/calcom/provisioning/provision-event-types";
import { ctxFor } from "../../support/factories";
import { startSim } from "../../support/calcom";

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

// What e2e/services.spec.ts relies on, checked against the real demo seed and its simulator state.
describe("the demo salon's seed 004 mapping", () => {
  it("is the only broken mapping; the dry run lists it, provisioning repairs it", async () => {
    const [demo] = await seedDemo(getDb(), new Date("2026-11-21T11:00:00Z"));
    sim.state.load(await buildSimulatorSnapshot(getDb(), { appUrl: "http://localhost:3000", ghosts: [] }));
    const [company] = await getDb()
      .update(companies)
      .set({
        calcomApiBaseUrl: `${sim.url}/v2`,
        calcomApiKeyEncrypted: encryptSecret(simulatorKeyFor(demo!.companyId)),
      })
      .where(eq(companies.id, demo!.companyId))
      .returning();
    const ctx = ctxFor(company!);

    const check = await checkEventTypes({ ctx });
    if (!check.reachable) throw new Error(check.message);
    const broken = check.rows.filter((r) => r.status !== "ok");
    expect(broken.map((r) => [r.serviceName, r.segmentKey, r.staffName, r.status, r.eventTypeId])).toEqual([
      ["Ansatz + Längenausgleich", "A", "Lena Hoffmann", "managed_parent", 3982562],
    ]);
    const perm = check.rows.find((r) => r.serviceName === "Dauerwelle");
    expect(perm).toBeDefined();

    const plan = await previewProvisioning({ ctx });
    expect(plan.steps.map((s) => [s.serviceName, s.staffName, s.action])).toEqual([
      ["Ansatz + Längenausgleich", "Lena Hoffmann", "create"],
    ]);
    // Every other mapped event type already carries SlotDesk's webhook in the demo's Cal.com.
    expect(plan.webhooks.filter((w) => w.action !== "keep")).toEqual([]);
    const again = await checkEventTypes({ ctx });
    expect(again.reachable && again.rows.filter((r) => r.status !== "ok").map((r) => r.status)).toEqual([
      "managed_parent",
    ]);

    const result = await provisionEventTypes({ ctx });
    expect(result).toMatchObject({ created: 1, reused: 0, updated: 0, skipped: 0 });
    expect(result.webhooks).toMatchObject({ registered: 1, repaired: 0, skipped: 0 });
    const after = await checkEventTypes({ ctx, input: { serviceId: broken[0]!.serviceId } });
    if (!after.reachable) throw new Error(after.message);
    expect(after.rows.find((r) => r.staffName === "Lena Hoffmann" && r.segmentKey === "A")?.status).toBe("ok");

    // The e2e spec restores the mapping with this SQL so it can run twice; it must find exactly that row.
    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const where = sql`m.service_id = s.id and m.staff_id = st.id and s.company_id = c.id and c.retell_agent_id = 'agent_demo'
        and s.name = 'Ansatz + Längenausgleich' and st.name = 'Lena Hoffmann' and m.segment_key = 'A'`;
      const updated =
        await sql`update calcom_event_map m set event_type_id = 3982562, child_event_type_id = null from services s, staff st, companies c where ${where}`;
      expect(updated.count).toBe(1);
      const rows =
        await sql`select m.event_type_id from calcom_event_map m, services s, staff st, companies c where ${where}`;
      expect(rows.map((r) => Number(r.event_type_id))).toEqual([3982562]);
    } finally {
      await sql.end();
    }
    // Restored, the next plan reuses the event type created above instead of creating another.
    expect((await previewProvisioning({ ctx })).steps.map((s) => s.action)).toEqual(["reuse"]);
  });
});
