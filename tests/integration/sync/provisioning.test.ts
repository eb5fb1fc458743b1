import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { auditEventTypes } from "@/lib/calcom/provisioning/event-type-health";
import { applyProvisioning, planProvisioning } from "@/lib/calcom/provisioning/provision";
import { getDb } from "@/lib/db/client";
import { calcomEventMap } from "@/lib/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

describe("event-type health and provisioning (seed 004, option B)", () => {
  it("finds managed parents, missing mappings and wrong lengths; provisioning repairs them idempotently", async () => {
    const salon = await calcomSalon(sim);
    const mapFor = (serviceId: number, staffId: string, key: string) =>
      and(
        eq(calcomEventMap.serviceId, serviceId),
        eq(calcomEventMap.staffId, staffId),
        eq(calcomEventMap.segmentKey, key),
      );
    const parent = sim.state.addEventType({
      apiKey: salon.apiKey,
      title: "Ansatz (managed)",
      lengthInMinutes: 30,
      hosts: [{ userId: 5001 }],
      schedulingType: "managed",
      teamId: 777,
    });
    await getDb()
      .update(calcomEventMap)
      .set({ eventTypeId: parent.id })
      .where(mapFor(salon.colour.id, salon.anna.id, "A"));
    await getDb()
      .delete(calcomEventMap)
      .where(mapFor(salon.cut.id, salon.ben.id, "A"));
    const tooLong = sim.state.addEventType({
      apiKey: salon.apiKey,
      title: "Zu lang",
      lengthInMinutes: 90,
      hosts: [{ userId: 5002 }],
      schedulingType: "collective",
      teamId: 777,
    });
    await getDb()
      .update(calcomEventMap)
      .set({ eventTypeId: tooLong.id })
      .where(mapFor(salon.perm.id, salon.ben.id, "D"));

    const health = await auditEventTypes({ ctx: salon.ctx });
    const problems = health
      .filter((h) => h.status !== "ok")
      .map((h) => [h.serviceName, h.segmentKey, h.staffName, h.status]);
    expect(problems.sort()).toEqual(
      [
        ["Ansatzfärbung", "A", "Anna Berg", "managed_parent"],
        ["Herrenhaarschnitt", "A", "Ben Vogel", "missing"],
        ["Dauerwelle", "D", "Ben Vogel", "wrong_length"],
      ].sort(),
    );

    const plan = await planProvisioning({ ctx: salon.ctx });
    expect(plan.map((p) => p.action)).toEqual(["create", "create", "create"]);
    const before = await getDb().select().from(calcomEventMap).where(eq(calcomEventMap.companyId, salon.company.id));
    expect(before.find((m) => m.eventTypeId === parent.id)).toBeDefined();

    expect(await applyProvisioning({ ctx: salon.ctx, plan })).toEqual({
      created: 3,
      reused: 0,
      updated: 0,
      skipped: 0,
    });
    expect((await auditEventTypes({ ctx: salon.ctx })).every((h) => h.status === "ok")).toBe(true);
    const created = sim.state
      .listEventTypes({ apiKey: salon.apiKey })
      .filter((et) => plan.some((p) => p.slug === et.slug));
    expect(created).toHaveLength(3);
    for (const et of created) {
      expect(et.hosts).toHaveLength(1);
      expect(et.metadata).toEqual({});
      expect(et.schedulingType).not.toBe("managed");
    }
    // A second run finds nothing to do.
    expect(await planProvisioning({ ctx: salon.ctx })).toEqual([]);

    // And the segment that used to hit the managed parent now syncs.
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.colour.id,
        start: zonedInstant("2031-03-03", 600, "Europe/Berlin"),
        staffId: salon.anna.id,
        customer: { name: "Provisioniert" },
        now: new Date("2031-02-27T12:00:00Z"),
      },
    });
    expect(
      (await syncAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, verifyDelayMs: 0 } })).outcome,
    ).toBe("synced");
  });

  it("a dry-run plan writes nothing", async () => {
    const salon = await calcomSalon(sim);
    await getDb()
      .delete(calcomEventMap)
      .where(and(eq(calcomEventMap.serviceId, salon.cut.id), eq(calcomEventMap.staffId, salon.ben.id)));
    const eventTypesBefore = sim.state.listEventTypes({ apiKey: salon.apiKey }).length;
    const plan = await planProvisioning({ ctx: salon.ctx });
    expect(plan).toHaveLength(1);
    expect(sim.state.listEventTypes({ apiKey: salon.apiKey })).toHaveLength(eventTypesBefore);
  });
});
