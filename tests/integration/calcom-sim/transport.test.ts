import { describe, expect, it } from "vitest";
import { addStylistEventType, bookingBody, call, expectEnvelope, KEY, OTHER_KEY, startSim } from "./helpers";

describe("calcom-sim transport: versions, auth, envelopes", () => {
  // Recorded (unknown-version-fallback.json, slots.json): no 400 for a bad version, Cal.com routes it to 2024-04-15.
  it("falls back to 2024-04-15 on a missing or unknown cal-api-version", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    const old = await call(sim, "GET", "/v2/bookings", { version: null });
    expect(old.status).toBe(200);
    expect(old.body.data).toMatchObject({ bookings: [], totalCount: 0 });
    const unknown = await call(sim, "POST", "/v2/bookings", {
      version: "2026-02-25",
      body: bookingBody(et.id, "2030-06-04T09:00:00Z"),
    });
    expectEnvelope(unknown, 400, "BadRequestException", "Bad Request Exception");
    expect(unknown.body.error.details.errors.map((e: { property: string }) => e.property)).toEqual([
      "timeZone",
      "language",
    ]);
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).status).toBe(
      201,
    );
    // A known version a family does not serve has no route; /v2/slots has none for 2024-04-15 either.
    expectEnvelope(
      await call(sim, "GET", "/v2/bookings", { version: "2024-09-04" }),
      404,
      "NotFoundException",
      "Cannot GET /v2/bookings",
    );
    const slots = await call(sim, "GET", `/v2/slots?eventTypeId=${et.id}&start=2030-06-04&end=2030-06-04`, {
      version: null,
    });
    expectEnvelope(
      slots,
      404,
      "NotFoundException",
      `Cannot GET /v2/slots?eventTypeId=${et.id}&start=2030-06-04&end=2030-06-04`,
    );
    expect(slots.headers.get("x-ratelimit-limit-default")).toBeNull();
    expectEnvelope(
      await call(sim, "GET", "/v2/event-types", { version: "2024-08-13" }),
      404,
      "NotFoundException",
      "Cannot GET /v2/event-types",
    );
    expect((await call(sim, "GET", "/v2/event-types", { version: "2024-06-14" })).status).toBe(200);
    // Teams, webhooks and /v2/me do not look at the header.
    expect((await call(sim, "GET", "/v2/teams/10/event-types", { version: "2024-04-15" })).status).toBe(200);
    expect((await call(sim, "GET", "/v2/webhooks", { version: "2099-01-01" })).status).toBe(200);
    expect((await call(sim, "GET", "/v2/me", { version: null })).status).toBe(200);
  });

  // Recorded in auth-errors.json, get-booking.json and reservation-advisory.json.
  it("answers per guard: public booking routes, 403 on the list, 401 elsewhere, unknown keys refused", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    const list = await call(sim, "GET", "/v2/bookings", { key: null });
    expectEnvelope(list, 403, "ForbiddenException", /^PermissionsGuard - no authentication provided/);
    expect(list.body.error.details).toEqual({ message: list.body.error.message, error: "Forbidden", statusCode: 403 });
    const booked = await call(sim, "POST", "/v2/bookings", {
      key: null,
      body: bookingBody(et.id, "2030-06-04T09:00:00Z"),
    });
    expect(booked.status).toBe(201);
    expect((await call(sim, "GET", `/v2/bookings/${booked.body.data.uid}`, { key: null })).status).toBe(200);
    expect(
      (await call(sim, "POST", `/v2/bookings/${booked.body.data.uid}/cancel`, { key: null, body: {} })).status,
    ).toBe(200);
    for (const path of ["/v2/event-types", "/v2/webhooks", "/v2/me"]) {
      expectEnvelope(
        await call(sim, "GET", path, { key: null }),
        401,
        "UnauthorizedException",
        /^ApiAuthStrategy - No authentication method provided/,
      );
    }
    const token = await call(sim, "GET", "/v2/bookings", { key: "sk_not_a_cal_key" });
    expectEnvelope(
      token,
      403,
      "ForbiddenException",
      "PermissionsGuard - no oAuth client found for access token=sk_not_a_cal_key",
    );
    expect(token.headers.get("x-ratelimit-limit-default")).toBe("500");
    const unknown = await call(sim, "GET", "/v2/bookings", { key: "cal_live_never_issued" });
    expectEnvelope(unknown, 401, "UnauthorizedException", "CustomThrottlerGuard - Invalid API Key");
    expect(unknown.headers.get("x-ratelimit-limit-default")).toBeNull();
    expect(
      (await call(sim, "GET", `/v2/slots?eventTypeId=${et.id}&start=2030-06-04&end=2030-06-04`, { key: null })).status,
    ).toBe(200);
  });

  it("lists per instance, but ids and uids work for any key", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    const created = await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") });
    expect(created.status).toBe(201);
    expect((await call(sim, "GET", "/v2/bookings", { key: OTHER_KEY })).body.data).toEqual([]);
    expect((await call(sim, "GET", `/v2/bookings/${created.body.data.uid}`, { key: OTHER_KEY })).body.data.uid).toBe(
      created.body.data.uid,
    );
    expect(
      (await call(sim, "POST", "/v2/bookings", { key: OTHER_KEY, body: bookingBody(et.id, "2030-06-04T11:00:00Z") }))
        .status,
    ).toBe(201);
    expect((await call(sim, "GET", "/v2/bookings", { key: KEY })).body.data).toHaveLength(2);
    expectEnvelope(
      await call(sim, "GET", `/v2/event-types/${et.id}`, { key: OTHER_KEY }),
      404,
      "NotFoundException",
      `Event type with id ${et.id} not found`,
    );
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
    expectEnvelope(
      last,
      429,
      "ThrottlerException",
      "CustomThrottlerGuard - Too many requests. Please try again later.",
    );
    expect(last.headers.get("x-ratelimit-remaining-default")).toBe("0");
    expect(last.headers.get("x-ratelimit-reset-default")).toBe("60");
    // another key has its own bucket
    expect((await call(sim, "GET", "/v2/bookings", { key: OTHER_KEY })).status).toBe(200);
    clock.advance(45_000);
    const blocked = await call(sim, "GET", "/v2/bookings");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("x-ratelimit-reset-default")).toBe("15");
    // The block holds on every endpoint, before auth or validation (rate-limit-429.json).
    expect((await call(sim, "POST", "/v2/bookings/nope/cancel", { body: {} })).status).toBe(429);
    expect((await call(sim, "GET", "/v2/event-types")).status).toBe(429);
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
