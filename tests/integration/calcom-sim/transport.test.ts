import { describe, expect, it } from "vitest";
import { addStylistEventType, bookingBody, call, expectEnvelope, KEY, startSim } from "./helpers";

describe("calcom-sim transport: versions, auth, envelopes", () => {
  it("requires the exact cal-api-version per endpoint family", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    const missing = await call(sim, "GET", "/v2/bookings", { version: null });
    expectEnvelope(missing, 400, "BadRequestException", /cal-api-version header is missing .*2024-08-13 or 2026-02-25/);
    expect(missing.headers.get("x-request-id")).toBeTruthy();
    expectEnvelope(await call(sim, "GET", "/v2/bookings", { version: "2024-09-04" }), 400, "BadRequestException", /"2024-09-04" is not accepted/);
    expect((await call(sim, "GET", "/v2/bookings", { version: "2026-02-25" })).status).toBe(200);
    // slots: only 2024-09-04
    const slotsPath = `/v2/slots?eventTypeId=${et.id}&start=2030-06-04&end=2030-06-04`;
    expectEnvelope(await call(sim, "GET", slotsPath, { version: "2024-08-13" }), 400, "BadRequestException", /expected 2024-09-04/);
    expect((await call(sim, "GET", slotsPath, { version: "2024-09-04" })).status).toBe(200);
    // /v2/event-types: only 2024-06-14; team event types and webhooks: any known version
    expectEnvelope(await call(sim, "GET", "/v2/event-types", { version: "2024-08-13" }), 400, "BadRequestException", /expected 2024-06-14/);
    expect((await call(sim, "GET", "/v2/event-types", { version: "2024-06-14" })).status).toBe(200);
    expect((await call(sim, "GET", "/v2/teams/10/event-types", { version: "2024-04-15" })).status).toBe(200);
    expect((await call(sim, "GET", "/v2/webhooks", { version: "2024-06-11" })).status).toBe(200);
    expectEnvelope(await call(sim, "GET", "/v2/webhooks", { version: "2099-01-01" }), 400, "BadRequestException", /not accepted/);
  });

  it("answers 401 without a cal_ key, except on slots", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    for (const [method, path] of [
      ["GET", "/v2/bookings"],
      ["POST", "/v2/bookings"],
      ["GET", "/v2/bookings/abc"],
      ["POST", "/v2/bookings/abc/cancel"],
      ["GET", "/v2/event-types"],
      ["GET", "/v2/webhooks"],
    ] as const) {
      const reply = await call(sim, method, path, { key: null });
      expectEnvelope(reply, 401, "UnauthorizedException", /^ApiAuthStrategy - No authentication method provided/);
      expect(reply.body.error.details).toEqual({ message: reply.body.error.message, error: "Unauthorized", statusCode: 401 });
    }
    expectEnvelope(await call(sim, "GET", "/v2/bookings", { key: "sk_not_a_cal_key" }), 401, "UnauthorizedException", "ApiAuthStrategy - api key - Your api key is not valid");
    const slots = await call(sim, "GET", `/v2/slots?eventTypeId=${et.id}&start=2030-06-04&end=2030-06-04`, { key: null });
    expect(slots.status).toBe(200);
  });

  it("keeps accounts apart", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    const created = await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") });
    expect(created.status).toBe(201);
    const other = "cal_live_other_salon";
    expectEnvelope(await call(sim, "GET", `/v2/bookings/${created.body.data.uid}`, { key: other }), 404, "NotFoundException", /was not found/);
    expect((await call(sim, "GET", "/v2/bookings", { key: other })).body.data).toEqual([]);
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { key: other, body: bookingBody(et.id, "2030-06-04T11:00:00Z") }),
      404,
      "NotFoundException",
      `Event type with id ${et.id} not found.`,
    );
    expect((await call(sim, "GET", "/v2/bookings", { key: KEY })).body.data).toHaveLength(1);
  });

  it("answers unknown routes and malformed JSON in the envelope", async () => {
    const { sim } = await startSim();
    expectEnvelope(await call(sim, "GET", "/v2/nothing-here"), 404, "NotFoundException", "Cannot GET /v2/nothing-here");
    expectEnvelope(await call(sim, "DELETE", "/v2/bookings"), 404, "NotFoundException", "Cannot DELETE /v2/bookings");
    const res = await fetch(`${sim.url}/v2/bookings`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "cal-api-version": "2024-08-13", "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ status: "error", path: "/v2/bookings", error: { code: "BadRequestException" } });
    expect(typeof body.timestamp).toBe("string");
  });

  it("rate limits 120 requests per minute per key with Cal.com's headers, then recovers", async () => {
    const { sim, clock } = await startSim();
    const first = await call(sim, "GET", "/v2/bookings");
    expect(first.headers.get("x-ratelimit-limit-default")).toBe("120");
    expect(first.headers.get("x-ratelimit-remaining-default")).toBe("119");
    expect(first.headers.get("x-ratelimit-reset-default")).toBe("60");
    clock.advance(20_000);
    for (let i = 2; i <= 120; i++) expect((await call(sim, "GET", "/v2/bookings")).status).toBe(200);
    const last = await call(sim, "GET", "/v2/bookings");
    expectEnvelope(last, 429, "ThrottlerException", "Too many requests. Please try again later.");
    expect(last.headers.get("x-ratelimit-remaining-default")).toBe("0");
    expect(last.headers.get("x-ratelimit-reset-default")).toBe("60");
    // another key has its own bucket
    expect((await call(sim, "GET", "/v2/bookings", { key: "cal_other" })).status).toBe(200);
    clock.advance(45_000);
    const blocked = await call(sim, "GET", "/v2/bookings");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("x-ratelimit-reset-default")).toBe("15");
    clock.advance(15_000);
    const recovered = await call(sim, "GET", "/v2/bookings");
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get("x-ratelimit-remaining-default")).toBe("119");
  });

  it("honours a custom limit and 0 = unlimited", async () => {
    const { sim } = await startSim({ rateLimitPerMinute: 2 });
    expect((await call(sim, "GET", "/v2/bookings")).status).toBe(200);
    expect((await call(sim, "GET", "/v2/bookings")).status).toBe(200);
    expect((await call(sim, "GET", "/v2/bookings")).status).toBe(429);
    const { sim: unlimited } = await startSim({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 130; i++) expect((await call(unlimited, "GET", "/v2/event-types")).status).toBe(200);
  });
});
