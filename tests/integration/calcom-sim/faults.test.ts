import { describe, expect, it } from "vitest";
import { addStylistEventType, bookingBody, call, expectEnvelope, KEY, startSim } from "./helpers";

const TAKEN = "User either already has booking at this time or is not available";

describe("calcom-sim faults", () => {
  it("createThen400 stores the booking (seed 000) but answers 400", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    sim.faults.set({ createThen400: 1 });
    const reply = await call(sim, "POST", "/v2/bookings", {
      body: bookingBody(et.id, "2030-06-04T09:00:00Z", { metadata: { appointmentId: "apt_762" } }),
    });
    expectEnvelope(reply, 400, "BadRequestException", TAKEN);
    const listed = (await call(sim, "GET", `/v2/bookings?eventTypeId=${et.id}&afterStart=2030-06-04T00:00:00Z`)).body
      .data;
    expect(listed).toHaveLength(1);
    expect(listed[0].metadata).toEqual({ appointmentId: "apt_762" });
    expect(sim.faults.get().createThen400).toBe(0);
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T10:00:00Z") })).status).toBe(
      201,
    );
    expect(sim.state.requestLog().map((r) => r.fault ?? null)).toEqual(["createThen400", null, null]);
    sim.faults.set({ createThen400: Infinity });
    for (const start of ["2030-06-04T11:00:00Z", "2030-06-04T12:00:00Z"]) {
      expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, start) })).status).toBe(400);
    }
    expect(sim.state.listBookings()).toHaveLength(4);
  });

  it("error500 answers Nest's plain shape and stores nothing", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    sim.faults.set({ error500: 1 });
    const reply = await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ statusCode: 500, message: "Internal server error" });
    expect(sim.state.listBookings()).toEqual([]);
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).status).toBe(
      201,
    );
  });

  it("timeout hangs until the client gives up, stores nothing, and does not block stop()", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    sim.faults.set({ timeout: 1 });
    const started = Date.now();
    await expect(
      call(sim, "POST", "/v2/bookings", {
        body: bookingBody(et.id, "2030-06-04T09:00:00Z"),
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow(/aborted|timeout/i);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sim.state.listBookings()).toEqual([]);
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).status).toBe(
      201,
    );

    sim.faults.set({ timeout: 1 });
    const hanging = call(sim, "GET", "/v2/bookings");
    await new Promise((r) => setTimeout(r, 50));
    const stopStarted = Date.now();
    await sim.stop();
    expect(Date.now() - stopStarted).toBeLessThan(1_000);
    const answered = await hanging;
    expect(answered.status).toBe(504);
    expect(answered.body).toContain("504 Gateway Time-out");
  });

  it("burst429 answers ThrottlerException n times", async () => {
    const { sim } = await startSim();
    sim.faults.set({ burst429: 2 });
    for (let i = 0; i < 2; i++) {
      const reply = await call(sim, "GET", "/v2/bookings");
      expectEnvelope(
        reply,
        429,
        "ThrottlerException",
        "CustomThrottlerGuard - Too many requests. Please try again later.",
      );
      expect(reply.headers.get("x-ratelimit-limit-default")).toBe("120");
    }
    expect((await call(sim, "GET", "/v2/bookings")).status).toBe(200);
  });

  it("latency delays every API response", async () => {
    const { sim } = await startSim();
    sim.faults.set({ latencyMs: 100 });
    let t = performance.now();
    expect((await call(sim, "GET", "/v2/event-types")).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(95);
    sim.faults.clear();
    t = performance.now();
    await call(sim, "GET", "/v2/event-types");
    expect(performance.now() - t).toBeLessThan(90);
  });
});

describe("calcom-sim under parallel creates (createLoadMs)", () => {
  it("slows each create by the others in flight", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    sim.faults.set({ latencyMs: 50, createLoadMs: 100 });
    const t = performance.now();
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T08:00:00Z") })).status).toBe(
      201,
    );
    const alone = performance.now() - t;
    const five = await Promise.all(
      ["09", "10", "11", "12", "13"].map(async (h) => {
        const started = performance.now();
        const reply = await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, `2030-06-04T${h}:00:00Z`) });
        return { status: reply.status, ms: performance.now() - started };
      }),
    );
    expect(five.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    // Four others in flight: 50 + 4 × 100 ms each at least; one create alone only the 50 ms.
    expect(Math.min(...five.map((r) => r.ms))).toBeGreaterThanOrEqual(380);
    expect(alone).toBeLessThan(300);
  });
});

describe("calcom-sim control API", () => {
  it("switches faults and seeds state over HTTP", async () => {
    const { sim } = await startSim();
    const ctl = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${sim.url}/__sim${path}`, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } } : {}),
      });
      return { status: res.status, body: await res.json() };
    };
    expect(await ctl("GET", "/health")).toEqual({ status: 200, body: { status: "ok" } });
    expect((await ctl("POST", "/faults", { error500: "always", latencyMs: 0 })).body.error500).toBe("always");
    expect((await call(sim, "GET", "/v2/bookings")).status).toBe(500);
    expect((await call(sim, "GET", "/v2/bookings")).status).toBe(500);
    expect((await ctl("DELETE", "/faults")).body.error500).toBe(0);
    expect((await ctl("POST", "/faults", { nope: 1 })).status).toBe(400);

    const et = await ctl("POST", "/event-types", {
      apiKey: KEY,
      title: "Cut",
      lengthInMinutes: 30,
      hosts: [{ userId: 42 }],
      schedulingType: "roundRobin",
    });
    expect(et.status).toBe(201);
    const booking = await ctl("POST", "/bookings", {
      eventTypeId: et.body.data.id,
      start: "2030-06-04T09:00:00Z",
      attendee: { name: "Walk-in" },
    });
    expect(booking.status).toBe(201);
    const uid = booking.body.data.uid;
    expect((await call(sim, "GET", `/v2/bookings/${uid}`)).body.data.status).toBe("accepted");
    expect((await ctl("POST", `/bookings/${uid}/cancel`, { reason: "host" })).body.data.status).toBe("cancelled");
    expect((await ctl("DELETE", `/bookings/${uid}`)).status).toBe(200);
    expect((await ctl("DELETE", `/bookings/${uid}`)).status).toBe(404);
    expect((await call(sim, "GET", `/v2/bookings/${uid}`)).status).toBe(404);

    // The commit gate puts creates in flight together: identical ones then collide on Cal.com's key (409).
    expect((await ctl("POST", "/commits/hold")).body).toEqual({ held: 0 });
    const racing = [0, 1].map(() =>
      call(sim, "POST", "/v2/bookings", { body: bookingBody(et.body.data.id, "2030-06-05T09:00:00Z") }),
    );
    await sim.state.bookingCommitsHeld(2);
    expect((await ctl("POST", "/commits/release")).body).toEqual({ held: 0 });
    const outcomes = (await Promise.all(racing)).map((r) => [r.status, r.body.message]).sort();
    expect(outcomes).toEqual([
      [201, undefined],
      [409, "booking_conflict_error"],
    ]);

    const requests = (await ctl("GET", "/requests")).body as Array<{
      method: string;
      path: string;
      status: number;
      apiKey: string;
    }>;
    expect(requests.map((r) => r.status)).toEqual([500, 500, 200, 404, 201, 409]);
    expect(requests[0]).toMatchObject({ method: "GET", path: "/v2/bookings", apiKey: KEY });

    const snapshot = (await ctl("GET", "/state")).body;
    expect(snapshot.eventTypes).toHaveLength(1);
    expect((await ctl("POST", "/reset")).status).toBe(200);
    expect((await ctl("GET", "/state")).body.eventTypes).toEqual([]);
    expect((await ctl("POST", "/load", snapshot)).status).toBe(200);
    expect(sim.state.listEventTypes()).toHaveLength(1);
    expect((await ctl("GET", "/nothing")).status).toBe(404);
  });
});
