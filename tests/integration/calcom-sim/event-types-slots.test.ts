import { describe, expect, it } from "vitest";
import { addStylistEventType, bookingBody, call, expectEnvelope, startSim } from "./helpers";

describe("calcom-sim event types", () => {
  it("creates user event types per reference §5 (no hosts/metadata in the body)", async () => {
    const { sim } = await startSim();
    const created = await call(sim, "POST", "/v2/event-types", {
      body: {
        title: "Herrenschnitt",
        slug: "herrenschnitt",
        lengthInMinutes: 30,
        hosts: [{ userId: 1 }],
        metadata: { x: 1 },
      },
    });
    expect(created.status).toBe(201);
    const et = created.body.data;
    expect(et).toMatchObject({
      id: 4000000,
      title: "Herrenschnitt",
      slug: "herrenschnitt",
      lengthInMinutes: 30,
      metadata: {},
      hidden: false,
    });
    // Recorded: a personal event type answers in the user shape (users, no hosts) with Cal.com's defaults.
    expect(et.users).toEqual([expect.objectContaining({ id: et.ownerId })]);
    expect(et).not.toHaveProperty("hosts");
    expect(et).toMatchObject({
      minimumBookingNotice: 120,
      locations: [{ type: "integration", integration: "cal-video" }],
    });
    expect(et).not.toHaveProperty("lengthInMinutesOptions");
    expect((await call(sim, "GET", `/v2/event-types/${et.id}`)).body.data).toEqual(et);
    expect((await call(sim, "GET", "/v2/event-types")).body.data).toEqual([et]);
    expectEnvelope(
      await call(sim, "GET", "/v2/event-types/4999999"),
      404,
      "NotFoundException",
      "Event type with id 4999999 not found",
    );
    expectEnvelope(
      await call(sim, "POST", "/v2/event-types", { body: { title: "x", lengthInMinutes: 30 } }),
      400,
      "BadRequestException",
      /slug property is wrong/,
    );
    expectEnvelope(
      await call(sim, "POST", "/v2/event-types", {
        body: { title: "Again", slug: "herrenschnitt", lengthInMinutes: 30 },
      }),
      400,
      "TRPCError",
      "URL Slug already exists for given user.",
    );
    const multi = await call(sim, "POST", "/v2/event-types", {
      body: { title: "Perm", slug: "perm", lengthInMinutes: 30, lengthInMinutesOptions: [30, 60] },
    });
    expect(multi.body.data).toMatchObject({
      lengthInMinutes: 30,
      lengthInMinutesOptions: [30, 60],
      metadata: { multipleDuration: [30, 60] },
    });
  });

  it("creates team event types: single host, managed parent with children", async () => {
    const { sim } = await startSim();
    const single = await call(sim, "POST", "/v2/teams/77/event-types", {
      version: "2024-08-13",
      body: {
        title: "Färben",
        slug: "faerben",
        lengthInMinutes: 45,
        schedulingType: "ROUND_ROBIN",
        hosts: [{ userId: 1414768 }],
      },
    });
    expect(single.status).toBe(201);
    expect(single.body.data).toMatchObject({
      teamId: 77,
      schedulingType: "roundRobin",
      lengthInMinutes: 45,
      metadata: {},
      hosts: [{ userId: 1414768, avatarUrl: null }],
    });
    const managed = await call(sim, "POST", "/v2/teams/77/event-types", {
      body: {
        title: "Global",
        slug: "global",
        lengthInMinutes: 30,
        schedulingType: "managed",
        hosts: [{ userId: 1 }, { userId: 2 }],
      },
    });
    expect(managed.status).toBe(201);
    const [parent, ...children] = managed.body.data;
    expect(parent.metadata).toEqual({ managedEventConfig: {} });
    // Recorded: children belong to their host, carry the parent's metadata, and have no team or scheduling type.
    type Child = {
      parentEventTypeId: number;
      ownerId: number;
      metadata: unknown;
      teamId: unknown;
      schedulingType: unknown;
    };
    expect(
      children.map((c: Child) => [c.parentEventTypeId, c.ownerId, c.metadata, c.teamId, c.schedulingType]),
    ).toEqual([
      [parent.id, 1, { managedEventConfig: {} }, null, null],
      [parent.id, 2, { managedEventConfig: {} }, null, null],
    ]);
    expect((await call(sim, "GET", "/v2/teams/77/event-types")).body.data.map((e: { id: number }) => e.id)).toEqual([
      single.body.data.id,
      parent.id,
    ]);
    expectEnvelope(
      await call(sim, "POST", "/v2/teams/77/event-types", {
        body: { title: "x", slug: "faerben", lengthInMinutes: 30, schedulingType: "collective" },
      }),
      400,
      "BadRequestException",
      "Team event type with this slug already exists",
    );
    expectEnvelope(
      await call(sim, "POST", "/v2/teams/77/event-types", { body: { title: "x", slug: "y", lengthInMinutes: 30 } }),
      400,
      "BadRequestException",
      /schedulingType property is wrong/,
    );
  });
});

describe("calcom-sim slots", () => {
  it("returns free starts per day between 08:00 and 20:00 in the requested zone", async () => {
    const { sim, clock } = await startSim();
    const et = addStylistEventType(sim, 501, 60);
    // 10:00-11:00 Berlin (CEST) taken
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T08:00:00Z") })).status).toBe(
      201,
    );
    const reply = await call(
      sim,
      "GET",
      `/v2/slots?eventTypeId=${et.id}&start=2030-06-04&end=2030-06-05&timeZone=Europe/Berlin`,
      { key: null },
    );
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.data)).toEqual(["2030-06-04", "2030-06-05"]);
    const day = reply.body.data["2030-06-04"].map((s: { start: string }) => s.start);
    expect(day[0]).toBe("2030-06-04T08:00:00.000+02:00");
    expect(day).not.toContain("2030-06-04T10:00:00.000+02:00");
    expect(day).toContain("2030-06-04T11:00:00.000+02:00");
    expect(day.at(-1)).toBe("2030-06-04T19:00:00.000+02:00");
    expect(day).toHaveLength(11);

    const utc = await call(
      sim,
      "GET",
      `/v2/slots?eventTypeId=${et.id}&start=2030-06-04T00:00:00Z&end=2030-06-04T23:59:59Z&format=range`,
    );
    expect(utc.body.data["2030-06-04"][0]).toEqual({
      start: "2030-06-04T09:00:00.000Z",
      end: "2030-06-04T10:00:00.000Z",
    });

    // past starts are not offered; days without slots are omitted
    clock.advance((24 + 13) * 3600_000); // 2030-06-04 19:00 UTC
    const later = await call(
      sim,
      "GET",
      `/v2/slots?eventTypeId=${et.id}&start=2030-06-04&end=2030-06-04&timeZone=Europe/Berlin`,
    );
    expect(later.body).toEqual({ status: "success", data: {} });
  });

  it("validates slot queries", async () => {
    const { sim } = await startSim();
    expectEnvelope(
      await call(sim, "GET", "/v2/slots?start=2030-06-04&end=2030-06-04"),
      400,
      "BadRequestException",
      /eventTypeId property is wrong/,
    );
    expectEnvelope(
      await call(sim, "GET", "/v2/slots?eventTypeId=1&start=tomorrow&end=2030-06-04"),
      400,
      "BadRequestException",
      /start must be a valid ISO 8601/,
    );
    expectEnvelope(
      await call(sim, "GET", "/v2/slots?eventTypeId=123&start=2030-06-04&end=2030-06-04"),
      404,
      "NotFoundException",
      "Event Type not found",
    );
  });
});
