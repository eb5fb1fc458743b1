import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { auditEventTypes } from "@/lib/calcom/provisioning/event-type-health";
import { salonEventTypeSettings } from "@/lib/calcom/provisioning/salon-settings";
import { getDb } from "@/lib/db/client";
import { calcomEventMap, externalBusyTimes } from "@/lib/db/schema";
import { previewProvisioning } from "@/lib/calcom/provisioning/preview-provisioning";
import { provisionEventTypes } from "@/lib/calcom/provisioning/provision-event-types";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, SALON_ADDRESS, startSim, TEAM_ID, withoutPacing } from "../../support/calcom";
import { startWebhookReceiver } from "../../support/webhook-receiver";

const NOW = new Date("2030-06-03T08:00:00Z");
let sim: CalcomSimulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
withoutPacing();
beforeAll(async () => {
  sim = await startSim({ now: () => NOW });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});

const mapOf = (serviceId: number, staffId: string, key: string) =>
  and(eq(calcomEventMap.serviceId, serviceId), eq(calcomEventMap.staffId, staffId), eq(calcomEventMap.segmentKey, key));
const pointAt = (eventTypeId: number, serviceId: number, staffId: string) =>
  getDb()
    .update(calcomEventMap)
    .set({ eventTypeId })
    .where(mapOf(serviceId, staffId, "A"));

describe("managed event types (managed-event-type-booking.json)", () => {
  it("a mapped child is OK, left alone, its webhook on the parent; a mapped parent is flagged, replaced", async () => {
    const salon = await calcomSalon(sim);
    const hosts = [{ userId: 5001 }, { userId: 5002 }];
    const managed = { apiKey: salon.apiKey, hosts, schedulingType: "managed" as const, teamId: TEAM_ID };
    const parent = sim.state.addEventType({
      ...managed,
      title: "Herrenschnitt (managed)",
      lengthInMinutes: 30,
      ...salonEventTypeSettings(SALON_ADDRESS),
    });
    // Created with Cal.com's defaults, so its child has settings that break a salon.
    const stale = sim.state.addEventType({ ...managed, title: "Ansatz (managed)", lengthInMinutes: 30 });
    const childOf = (p: { id: number }, userId: number) =>
      sim.state.listEventTypes({ parentEventTypeId: p.id }).find((c) => c.ownerId === userId)!;
    const [annaChild, staleChild] = [childOf(parent, 5001), childOf(stale, 5001)];
    // The admin entered the child ids by hand: nothing in our table says they are children.
    await pointAt(annaChild.id, salon.cut.id, salon.anna.id);
    await pointAt(staleChild.id, salon.colour.id, salon.anna.id);
    await pointAt(parent.id, salon.cut.id, salon.ben.id);

    const rows = await auditEventTypes({ ctx: salon.ctx });
    const row = (id: number) => rows.find((r) => r.eventTypeId === id)!;
    expect(row(annaChild.id)).toMatchObject({ status: "ok", managedChild: true, webhookEventTypeId: parent.id });
    const staleRow = { status: "wrong_settings", managedChild: true, webhookEventTypeId: stale.id };
    expect(row(staleChild.id)).toMatchObject(staleRow);
    expect(row(parent.id)).toMatchObject({ status: "managed_parent", managedChild: false, webhookEventTypeId: null });

    const { steps, webhooks } = await previewProvisioning({ ctx: salon.ctx });
    expect(steps.map((s) => [s.eventTypeId, s.action])).toEqual([
      [staleChild.id, "skip"],
      [parent.id, "create"],
    ]);
    expect(steps[0]!.reason).toMatch(/^Aus einem verwalteten Event-Typ – SlotDesk ändert ihn nicht/);
    const onParent = webhooks.find((w) => w.eventTypeId === parent.id)!;
    const annaCut = "Herrenhaarschnitt · A Herrenhaarschnitt · Anna Berg";
    expect(onParent).toMatchObject({ action: "register", mappings: [annaCut] });

    const children = [annaChild.id, staleChild.id].map((id) => sim.state.getEventType(id));
    expect(await provisionEventTypes({ ctx: salon.ctx })).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect([annaChild.id, staleChild.id].map((id) => sim.state.getEventType(id))).toEqual(children);
    const [annaMap] = await getDb()
      .select()
      .from(calcomEventMap)
      .where(mapOf(salon.cut.id, salon.anna.id, "A"));
    const [benMap] = await getDb()
      .select()
      .from(calcomEventMap)
      .where(mapOf(salon.cut.id, salon.ben.id, "A"));
    expect(annaMap!.eventTypeId).toBe(annaChild.id);
    expect(benMap!.eventTypeId).not.toBe(parent.id);

    const after = await auditEventTypes({ ctx: salon.ctx });
    const annaAfter = after.find((r) => r.eventTypeId === annaChild.id);
    expect(annaAfter).toMatchObject({ status: "ok", webhook: { status: "ok" } });
    expect(after.filter((r) => r.status !== "ok").map((r) => r.eventTypeId)).toEqual([staleChild.id]);

    // Cal.com fires the parent's webhook for a booking on the child: it reaches SlotDesk as busy time.
    const start = zonedInstant("2030-06-05", 14 * 60, "Europe/Berlin");
    const direct = { eventTypeId: annaChild.id, start: start.toISOString(), title: "Direkt am Kind" };
    const booked = sim.state.addBooking(direct);
    await sim.state.webhooksIdle();
    const busy = await getDb().select().from(externalBusyTimes).where(eq(externalBusyTimes.externalUid, booked.uid));
    expect(busy).toEqual([expect.objectContaining({ staffId: salon.anna.id, startsAt: start })]);
  });
});
