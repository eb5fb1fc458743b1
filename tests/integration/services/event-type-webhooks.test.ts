import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { CalcomClient } from "@/lib/calcom/client";
import { auditEventTypes } from "@/lib/calcom/provisioning/event-type-health";
import { getDb } from "@/lib/db/client";
import { calcomEventMap, calcomEventTypeWebhooks, externalBusyTimes } from "@/lib/db/schema";
import { provisionEventTypes } from "@/lib/calcom/provisioning/provision-event-types";
import { registerWebhooks } from "@/lib/calcom/provisioning/register-webhooks";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim, TEAM_ID, withoutPacing } from "../../support/calcom";
import { startWebhookReceiver } from "../../support/webhook-receiver";

// Monday 2030-06-03, 10:00 in Berlin; the bookings are on the Wednesday after.
const NOW = new Date("2030-06-03T08:00:00Z");
const DAY = "2030-06-05";
const at = (hh: number) => zonedInstant(DAY, hh * 60, "Europe/Berlin");
const TRIGGERS = ["BOOKING_CANCELLED", "BOOKING_CREATED", "BOOKING_RESCHEDULED"];

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

async function mappedEventTypes(companyId: string) {
  const maps = await getDb().select().from(calcomEventMap).where(eq(calcomEventMap.companyId, companyId));
  return new Set(maps.map((m) => m.eventTypeId));
}
const hooksOn = (ids: Set<number>) =>
  sim.state.snapshot().webhooks.filter((w) => w.eventTypeId !== undefined && ids.has(w.eventTypeId));
const busyFor = (uid: string) => getDb().select().from(externalBusyTimes).where(eq(externalBusyTimes.externalUid, uid));

/** Cal.com's own API, as someone booking or cancelling directly in Cal.com uses it. */
async function calcom(salon: { apiKey: string }, path: string, body: unknown) {
  const headers = {
    authorization: `Bearer ${salon.apiKey}`,
    "cal-api-version": "2024-08-13",
    "content-type": "application/json",
  };
  const res = await fetch(`${sim.url}/v2${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, data: (await res.json()).data };
}

describe("webhooks that really arrive (issue 13.6)", () => {
  it("registers one webhook per mapped team event type with URL and secret; a second run registers none", async () => {
    const salon = await calcomSalon(sim);
    const mapped = await mappedEventTypes(salon.company.id);
    const before = await auditEventTypes({ ctx: salon.ctx });
    expect(new Set(before.map((r) => r.webhook.status))).toEqual(new Set(["missing"]));
    expect(before[0]!.webhook.detail).toContain("Webhook fehlt");

    const first = await registerWebhooks({ ctx: salon.ctx });
    expect(first).toEqual({ registered: mapped.size, repaired: 0, kept: 0, skipped: 0 });
    const hooks = hooksOn(mapped);
    expect(hooks).toHaveLength(mapped.size);
    expect(new Set(hooks.map((h) => h.eventTypeId))).toEqual(mapped);
    for (const h of hooks) {
      const url = receiver.urlFor(salon.company.id);
      expect(h).toMatchObject({ subscriberUrl: url, active: true, secret: salon.webhookSecret });
      expect([...h.triggers].sort()).toEqual(TRIGGERS);
    }
    const ours = eq(calcomEventTypeWebhooks.companyId, salon.company.id);
    const stored = await getDb().select().from(calcomEventTypeWebhooks).where(ours);
    expect(new Set(stored.map((s) => s.webhookId))).toEqual(new Set(hooks.map((h) => h.id)));

    const second = await registerWebhooks({ ctx: salon.ctx });
    expect(second).toEqual({ registered: 0, repaired: 0, kept: mapped.size, skipped: 0 });
    expect((await provisionEventTypes({ ctx: salon.ctx })).webhooks).toMatchObject({ registered: 0, repaired: 0 });
    expect(hooksOn(mapped)).toHaveLength(mapped.size);
    // Cal.com's list is the truth: without our table the webhooks are still found by their URL.
    await getDb().delete(calcomEventTypeWebhooks).where(ours);
    expect((await auditEventTypes({ ctx: salon.ctx })).every((r) => r.webhook.status === "ok")).toBe(true);
    expect(await registerWebhooks({ ctx: salon.ctx })).toMatchObject({ registered: 0, kept: mapped.size });
  });

  it("flags deleted, miswired, off, incomplete, foreign-secret webhooks; „Webhooks einrichten“ repairs", async () => {
    const salon = await calcomSalon(sim);
    await registerWebhooks({ ctx: salon.ctx });
    const client = new CalcomClient({ baseUrl: `${sim.url}/v2`, apiKey: salon.apiKey });
    const et = (key: string) => salon.eventTypes.get(key)!;
    const hookOf = (id: number) => hooksOn(new Set([id]))[0]!.id;
    const [cut, perm, permB, colour, colourB] = [
      et(`Herrenhaarschnitt|A|${salon.anna.id}`),
      et(`Dauerwelle|A|${salon.anna.id}`),
      et(`Dauerwelle|B|${salon.anna.id}`),
      et(`Ansatzfärbung|A|${salon.ben.id}`),
      et(`Ansatzfärbung|B|${salon.ben.id}`),
    ];
    await client.deleteEventTypeWebhook(TEAM_ID, cut, hookOf(cut));
    await client.updateEventTypeWebhook(TEAM_ID, perm, hookOf(perm), { subscriberUrl: "https://alt.example/hook" });
    await client.updateEventTypeWebhook(TEAM_ID, permB, hookOf(permB), { active: false });
    await client.updateEventTypeWebhook(TEAM_ID, colour, hookOf(colour), { triggers: ["BOOKING_CREATED"] });
    await client.updateEventTypeWebhook(TEAM_ID, colourB, hookOf(colourB), { secret: "whsec_von_frueher" });
    // Somebody else's webhook on the same event type is none of SlotDesk's business.
    const zapier = "https://hooks.zapier.example/123";
    const foreign = { subscriberUrl: zapier, triggers: ["BOOKING_CREATED"], active: true, secret: "z" };
    await client.createEventTypeWebhook(TEAM_ID, cut, foreign);

    const rows = await auditEventTypes({ ctx: salon.ctx });
    const state = (id: number) => rows.find((r) => r.eventTypeId === id)!.webhook;
    expect(state(cut)).toMatchObject({ status: "missing", detail: expect.stringContaining("Webhook fehlt") });
    const ourUrl = receiver.urlFor(salon.company.id);
    const wrongUrl = `Webhook zeigt auf eine andere Adresse (https://alt.example/hook statt ${ourUrl}).`;
    expect(state(perm)).toMatchObject({ status: "wrong_url", detail: wrongUrl });
    expect(state(permB)).toMatchObject({ status: "inactive", detail: "Webhook ist in Cal.com ausgeschaltet." });
    const lacking = "Webhook meldet BOOKING_RESCHEDULED, BOOKING_CANCELLED nicht.";
    expect(state(colour)).toMatchObject({ status: "missing_triggers", detail: lacking });
    expect(state(colourB)).toMatchObject({ status: "wrong_secret", detail: expect.stringContaining("anderen Secret") });
    expect(rows.filter((r) => r.webhook.status !== "ok")).toHaveLength(5);

    expect(await registerWebhooks({ ctx: salon.ctx })).toMatchObject({ registered: 1, repaired: 4 });
    expect((await auditEventTypes({ ctx: salon.ctx })).every((r) => r.webhook.status === "ok")).toBe(true);
    const onCut = (await client.listEventTypeWebhooks(TEAM_ID, cut)).map((h) => h.subscriberUrl).sort();
    expect(onCut).toEqual([zapier, ourUrl].sort());
  });

  it("a booking made directly in Cal.com arrives through the webhook as busy time; cancelling frees it", async () => {
    const salon = await calcomSalon(sim);
    await provisionEventTypes({ ctx: salon.ctx });
    const cut = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.anna.id}`)!;
    const free = async () => {
      const input = { serviceId: salon.cut.id, from: DAY, staffId: salon.anna.id, now: NOW };
      return (await findAvailability({ ctx: salon.ctx, input })).slots.map((s) => s.start.toISOString());
    };
    expect(await free()).toContain(at(11).toISOString());

    const attendee = { name: "Direkt Bucher", email: "direkt@example.test", timeZone: "Europe/Berlin" };
    const booked = await calcom(salon, "/bookings", { start: at(11).toISOString(), eventTypeId: cut, attendee });
    expect(booked.status).toBe(201);
    await sim.state.webhooksIdle();
    const delivered = sim.state.webhookDeliveries().filter((d) => d.bookingUid === booked.data.uid);
    const arrived = { trigger: "BOOKING_CREATED", status: "delivered", responseStatus: 200 };
    expect(delivered).toEqual([expect.objectContaining(arrived)]);
    const busy = { staffId: salon.anna.id, startsAt: at(11), endsAt: at(11.5) };
    expect(await busyFor(booked.data.uid)).toEqual([expect.objectContaining(busy)]);
    expect(await free()).not.toContain(at(11).toISOString());

    // BOOKING_CANCELLED carries no metadata (webhook-booking-cancelled.json): it is matched by uid.
    const reason = { cancellationReason: "Kunde sagt ab" };
    const cancelled = await calcom(salon, `/bookings/${booked.data.uid}/cancel`, reason);
    expect(cancelled.status).toBe(200);
    await sim.state.webhooksIdle();
    expect(await busyFor(booked.data.uid)).toEqual([]);
    expect(await free()).toContain(at(11).toISOString());
  });
});
