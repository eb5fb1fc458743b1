import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getDb } from "@/lib/db/client";
import { calcomEventMap, companies } from "@/lib/db/schema";
import { checkEventTypes } from "@/lib/calcom/provisioning/check-event-types";
import { createService } from "@/lib/catalog/create-service";
import { previewProvisioning } from "@/lib/calcom/provisioning/preview-provisioning";
import { provisionEventTypes } from "@/lib/calcom/provisioning/provision-event-types";
import { calcomSalon, refreshCtx, startSim, TEAM_ID } from "../../support/calcom";
import { permInput } from "./helpers";

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

const mapsOf = (companyId: string) =>
  getDb().select().from(calcomEventMap).where(eq(calcomEventMap.companyId, companyId)).orderBy(asc(calcomEventMap.id));

describe("Cal.com event types of services", () => {
  it("lists the health of one service's segment × staff mappings, a managed parent included", async () => {
    const salon = await calcomSalon(sim);
    const parent = sim.state.addEventType({
      apiKey: salon.apiKey,
      title: "Wickeln (managed)",
      lengthInMinutes: 50,
      hosts: [{ userId: 5001 }],
      schedulingType: "managed",
      teamId: TEAM_ID,
    });
    await getDb()
      .update(calcomEventMap)
      .set({ eventTypeId: parent.id })
      .where(
        and(
          eq(calcomEventMap.serviceId, salon.perm.id),
          eq(calcomEventMap.staffId, salon.anna.id),
          eq(calcomEventMap.segmentKey, "A"),
        ),
      );

    const check = await checkEventTypes({ ctx: salon.ctx, input: { serviceId: salon.perm.id } });
    if (!check.reachable) throw new Error(check.message);
    expect(new Set(check.rows.map((r) => r.serviceName))).toEqual(new Set(["Dauerwelle"]));
    // Four staff-required segments (gaps are never booked) for each of the two stylists.
    expect(check.rows).toHaveLength(8);
    const broken = check.rows.filter((r) => r.status !== "ok");
    expect(broken.map((r) => [r.segmentKey, r.staffName, r.status, r.eventTypeId])).toEqual([
      ["A", "Anna Berg", "managed_parent", parent.id],
    ]);
    expect(broken[0]!.detail).toContain("nicht buchbar");
  });

  it("an unreachable Cal.com becomes a German message instead of an error", async () => {
    const salon = await calcomSalon(sim);
    await getDb()
      .update(companies)
      .set({ calcomApiBaseUrl: "http://127.0.0.1:9/v2" })
      .where(eq(companies.id, salon.company.id));
    const check = await checkEventTypes({ ctx: await refreshCtx(salon.company), input: { serviceId: salon.perm.id } });
    expect(check).toMatchObject({
      reachable: false,
      message: expect.stringContaining("Cal.com ist gerade nicht erreichbar"),
    });
  });

  it("the dry run plans event types for a new service and writes nothing; applying creates them and the rows turn OK", async () => {
    const salon = await calcomSalon(sim);
    const { id } = await createService({ ctx: salon.ctx, input: permInput("Volumenwelle", [salon.anna.id]) });
    const before = await checkEventTypes({ ctx: salon.ctx, input: { serviceId: id } });
    if (!before.reachable) throw new Error(before.message);
    expect(before.rows.map((r) => [r.segmentKey, r.status])).toEqual([
      ["A", "missing"],
      ["B", "missing"],
      ["C", "missing"],
    ]);

    const mapsBefore = await mapsOf(salon.company.id);
    const eventTypesBefore = sim.state.listEventTypes({ apiKey: salon.apiKey }).length;
    const { steps: plan } = await previewProvisioning({ ctx: salon.ctx });
    expect(plan.map((s) => [s.serviceName, s.segmentKey, s.staffName, s.action])).toEqual([
      ["Volumenwelle", "A", "Anna Berg", "create"],
      ["Volumenwelle", "B", "Anna Berg", "create"],
      ["Volumenwelle", "C", "Anna Berg", "create"],
    ]);
    expect(await mapsOf(salon.company.id)).toEqual(mapsBefore);
    expect(sim.state.listEventTypes({ apiKey: salon.apiKey })).toHaveLength(eventTypesBefore);

    expect(await provisionEventTypes({ ctx: salon.ctx })).toMatchObject({
      created: 3,
      reused: 0,
      updated: 0,
      skipped: 0,
    });
    const after = await checkEventTypes({ ctx: salon.ctx, input: { serviceId: id } });
    if (!after.reachable) throw new Error(after.message);
    expect(after.rows.map((r) => [r.segmentKey, r.status])).toEqual([
      ["A", "ok"],
      ["B", "ok"],
      ["C", "ok"],
    ]);
    expect(sim.state.listEventTypes({ apiKey: salon.apiKey })).toHaveLength(eventTypesBefore + 3);
    // Nothing left to do: a second apply creates nothing.
    expect(await provisionEventTypes({ ctx: salon.ctx })).toMatchObject({
      created: 0,
      reused: 0,
      updated: 0,
      skipped: 0,
    });
  });
});
