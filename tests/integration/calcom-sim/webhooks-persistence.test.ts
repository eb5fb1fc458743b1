import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startCalcomSimulator } from "@/dev/calcom-sim";
import { addStylistEventType, bookingBody, call, Clock, KEY, OTHER_KEY, startSim } from "./helpers";

type Received = { headers: http.IncomingHttpHeaders; raw: string; body: any };

const receivers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A local subscriber; `statuses` are answered in order (then 200), `holdMs` delays each answer. */
async function receiver(statuses: number[] = [], holdMs = 0) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
      setTimeout(() => res.writeHead(statuses.shift() ?? 200).end("ok"), holdMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  receivers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/cal`, received };
}

const hmac = (secret: string, raw: string) => createHmac("sha256", secret).update(raw).digest("hex");

describe("calcom-sim webhooks", () => {
  it("delivers signed BOOKING_CREATED / CANCELLED / RESCHEDULED payloads to event-type webhooks", async () => {
    const { sim } = await startSim();
    const sub = await receiver();
    const other = await receiver();
    const users = await receiver();
    const et = addStylistEventType(sim, 501);
    const triggers = ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED"];
    const hook = await call(sim, "POST", `/v2/teams/10/event-types/${et.id}/webhooks`, {
      body: { subscriberUrl: sub.url, triggers, secret: "s3cret" },
    });
    expect(hook.status).toBe(201);
    expect(hook.body.data).toMatchObject({
      subscriberUrl: sub.url,
      active: true,
      eventTypeId: et.id,
      secret: "s3cret",
    });
    // Recorded (webhook-booking-created.json): user webhooks stay silent for team event types.
    expect((await call(sim, "POST", "/v2/webhooks", { body: { subscriberUrl: users.url, triggers } })).status).toBe(
      201,
    );
    sim.state.addWebhook({ apiKey: OTHER_KEY, subscriberUrl: other.url, triggers: ["BOOKING_CREATED"], teamId: 10 });
    const a = (
      await call(sim, "POST", "/v2/bookings", {
        body: bookingBody(et.id, "2030-06-04T09:00:00Z", { metadata: { appointmentId: "apt_1" } }),
      })
    ).body.data;
    const moved = (
      await call(sim, "POST", `/v2/bookings/${a.uid}/reschedule`, {
        body: { start: "2030-06-04T11:00:00Z", rescheduledBy: "sync@example.com" },
      })
    ).body.data;
    await call(sim, "POST", `/v2/bookings/${moved.uid}/cancel`, { body: { cancellationReason: "Kunde sagt ab" } });
    await sim.state.webhooksIdle();

    // Deliveries are asynchronous and, as with Cal.com, not ordered: match them by trigger.
    expect(sub.received.map((r) => r.body.triggerEvent).sort()).toEqual([
      "BOOKING_CANCELLED",
      "BOOKING_CREATED",
      "BOOKING_RESCHEDULED",
    ]);
    for (const r of sub.received) {
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["x-cal-signature-256"]).toBe(hmac("s3cret", r.raw));
      expect(r.headers["x-cal-webhook-version"]).toBe("2021-10-20");
      expect(typeof r.body.createdAt).toBe("string");
    }
    const payloadOf = (trigger: string) => sub.received.find((r) => r.body.triggerEvent === trigger)?.body.payload;
    const [created, rescheduled, cancelled] = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"].map(
      payloadOf,
    );
    expect(created).toMatchObject({
      type: et.slug,
      uid: a.uid,
      bookingId: a.id,
      eventTypeId: et.id,
      startTime: "2030-06-04T09:00:00Z",
      endTime: "2030-06-04T09:30:00Z",
      length: 30,
      status: "ACCEPTED",
      metadata: { appointmentId: "apt_1" },
      organizer: { id: 501, name: "Stylist 501" },
      attendees: [{ name: "Ana Silva", email: "ana@example.com", timeZone: "Europe/Berlin" }],
    });
    expect(rescheduled).toMatchObject({
      uid: moved.uid,
      bookingId: moved.id,
      rescheduleUid: a.uid,
      rescheduleId: a.id,
      rescheduleStartTime: "2030-06-04T09:00:00Z",
      rescheduleEndTime: "2030-06-04T09:30:00Z",
      startTime: "2030-06-04T11:00:00Z",
      rescheduledBy: "sync@example.com",
      metadata: { appointmentId: "apt_1" },
    });
    expect(cancelled).toMatchObject({ uid: moved.uid, status: "CANCELLED", cancellationReason: "Kunde sagt ab" });
    expect(cancelled).not.toHaveProperty("metadata");
    expect(other.received).toEqual([]);
    expect(users.received).toEqual([]);
    expect(sim.state.webhookDeliveries().every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);

    const etHooks = `/v2/teams/10/event-types/${et.id}/webhooks`;
    expect((await call(sim, "GET", etHooks)).body.data).toHaveLength(1);
    expect((await call(sim, "DELETE", `${etHooks}/${hook.body.data.id}`)).status).toBe(200);
    expect((await call(sim, "GET", etHooks)).body.data).toEqual([]);
    expect((await call(sim, "GET", "/v2/webhooks")).body.data).toHaveLength(1);
  });

  it("signs with no-secret-provided, covers external changes and createThen400, retries failures", async () => {
    const { sim } = await startSim();
    const sub = await receiver([500, 503]);
    sim.state.addWebhook({
      apiKey: KEY,
      subscriberUrl: sub.url,
      triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"],
      teamId: 10,
    });
    const et = addStylistEventType(sim, 501);
    const ext = sim.state.addBooking({ eventTypeId: et.id, start: "2030-06-04T09:00:00Z" });
    await sim.state.webhooksIdle();
    expect(sub.received).toHaveLength(3); // two failed attempts, then delivered
    expect(sim.state.webhookDeliveries()[0]).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 200 });
    sim.state.cancelBookingExternally(ext.uid, "host");
    sim.faults.set({ createThen400: 1 });
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T12:00:00Z") })).status).toBe(
      400,
    );
    await sim.state.webhooksIdle();
    expect(
      sub.received
        .slice(3)
        .map((r) => [r.body.triggerEvent, r.headers["x-cal-signature-256"]])
        .sort(),
    ).toEqual([
      ["BOOKING_CANCELLED", "no-secret-provided"],
      ["BOOKING_CREATED", "no-secret-provided"],
    ]);

    const dead = await receiver([500, 500, 500]);
    sim.state.addWebhook({ apiKey: KEY, subscriberUrl: dead.url, triggers: ["BOOKING_CREATED"], teamId: 10 });
    sim.state.addBooking({ eventTypeId: et.id, start: "2030-06-04T14:00:00Z" });
    await sim.state.webhooksIdle();
    expect(sim.state.webhookDeliveries().at(-1)).toMatchObject({
      subscriberUrl: dead.url,
      status: "failed",
      attempts: 3,
    });
  });

  it("never delays the API response", async () => {
    const { sim } = await startSim();
    const slow = await receiver([], 600);
    sim.state.addWebhook({ apiKey: KEY, subscriberUrl: slow.url, triggers: ["BOOKING_CREATED"], teamId: 10 });
    const et = addStylistEventType(sim, 501);
    const t = performance.now();
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).status).toBe(
      201,
    );
    expect(performance.now() - t).toBeLessThan(400);
    await sim.state.webhooksIdle();
    expect(slow.received).toHaveLength(1);
  });
});

describe("calcom-sim state file", () => {
  it("persists state across restarts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "calcom-sim-"));
    const stateFile = path.join(dir, "nested", "state.json");
    const clock = new Clock();
    const first = await startCalcomSimulator({ stateFile, now: clock.now });
    const et = addStylistEventType(first, 501);
    const b = (await call(first, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).body
      .data;
    await new Promise((r) => setTimeout(r, 250)); // debounced save while running
    expect(JSON.parse(fs.readFileSync(stateFile, "utf8")).bookings).toHaveLength(1);
    await call(first, "POST", `/v2/bookings/${b.uid}/cancel`, { body: {} });
    await first.stop();

    const second = await startCalcomSimulator({ stateFile, now: clock.now });
    try {
      expect((await call(second, "GET", `/v2/bookings/${b.uid}`)).body.data).toMatchObject({
        uid: b.uid,
        status: "cancelled",
      });
      const next = await call(second, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") });
      expect(next.body.data.id).toBe(b.id + 1);
      expect(second.state.snapshot()).toEqual(JSON.parse(JSON.stringify(second.state.snapshot())));
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
