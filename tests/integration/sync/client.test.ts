import { afterEach, describe, expect, it } from "vitest";
import { startCalcomSimulator } from "@/dev/calcom-sim";
import { CalcomClient } from "@/lib/calcom/client";
import { CalcomError } from "@/lib/calcom/errors";
import { type AttemptRecord } from "@/lib/calcom/client";
import { resetRateLimits } from "@/lib/calcom/rate-limit";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
  resetRateLimits();
});

async function setup(options: Parameters<typeof startCalcomSimulator>[0] = {}) {
  const sim = await startCalcomSimulator({ port: 0, rateLimitPerMinute: 0, ...options });
  stops.push(() => sim.stop());
  const apiKey = `cal_client_${Math.random().toString(36).slice(2)}`;
  const et = sim.state.addEventType({
    apiKey,
    title: "Schnitt",
    lengthInMinutes: 30,
    hosts: [{ userId: 1 }],
    schedulingType: "collective",
    teamId: 1,
  });
  const attempts: AttemptRecord[] = [];
  const client = new CalcomClient({
    baseUrl: `${sim.url}/v2`,
    apiKey,
    timeoutMs: 1500,
    maxRateLimitWaitMs: 5000,
    record: (a) => void attempts.push(a),
  });
  return { sim, client, et, attempts, apiKey };
}
const attendee = { name: "Test", timeZone: "Europe/Berlin", email: "t@example.de" };
const future = (hours: number) => new Date(Date.now() + hours * 3_600_000);

describe("Cal.com client", () => {
  it("sends the right version per endpoint and records every request with status and latency", async () => {
    const { client, et, attempts } = await setup();
    const booking = await client.createBooking({
      start: future(48),
      eventTypeId: et.id,
      attendee,
      metadata: { crm_phase_id: "1" },
    });
    expect(await client.getBooking(booking.uid)).toMatchObject({ uid: booking.uid, status: "accepted" });
    expect(await client.listBookings({ afterStart: future(1) })).toHaveLength(1);
    await client.getSlots(et.id, future(24), future(30), "Europe/Berlin");
    expect(await client.getEventType(et.id)).toMatchObject({ id: et.id, lengthInMinutes: 30 });
    expect(await client.getBooking("does-not-exist")).toBeNull();
    expect(attempts.map((a) => [a.action, a.apiVersion, a.httpStatus])).toEqual([
      ["create", "2024-08-13", 201],
      ["get", "2024-08-13", 200],
      ["list", "2024-08-13", 200],
      ["slots", "2024-09-04", 200],
      ["event_type", "2024-06-14", 200],
      ["get", "2024-08-13", 404],
    ]);
  });

  it("classifies both error shapes: Cal.com's envelope and Nest's plain 500", async () => {
    const { sim, client, et } = await setup();
    const b = await client.createBooking({ start: future(48), eventTypeId: et.id, attendee, metadata: {} });
    const conflict = await client
      .createBooking({ start: future(48), eventTypeId: et.id, attendee, metadata: {} })
      .catch((e) => e);
    expect(conflict).toBeInstanceOf(CalcomError);
    expect(conflict).toMatchObject({
      kind: "conflict",
      httpStatus: 400,
      code: "BadRequestException",
      outcomeUnknown: true,
      retryable: false,
    });
    await client.cancelBooking(b.uid, "test");
    expect(await client.cancelBooking(b.uid, "again").catch((e) => e)).toMatchObject({
      kind: "already_cancelled",
      httpStatus: 400,
    });
    sim.faults.set({ error500: 1 });
    expect(await client.listBookings({}).catch((e) => e)).toMatchObject({
      kind: "server",
      httpStatus: 500,
      retryable: true,
    });
  });

  it("gives up on a hanging request after its timeout", async () => {
    const { sim, client } = await setup();
    sim.faults.set({ timeout: 1 });
    const started = Date.now();
    expect(await client.listBookings({}).catch((e) => e)).toMatchObject({ kind: "timeout", httpStatus: null });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("waits on 429 instead of failing, using the reset seconds Cal.com sends", async () => {
    let offset = 0;
    const { sim, client } = await setup({ rateLimitPerMinute: 120, now: () => new Date(Date.now() + offset) });
    await client.listBookings({});
    offset = 58_500; // the simulator's window now resets in about 2 seconds
    sim.faults.set({ burst429: 1 });
    const started = Date.now();
    expect(await client.listBookings({})).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
