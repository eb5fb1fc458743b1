import { describe, expect, it } from "vitest";
import { addStylistEventType, attendee, bookingBody, call, expectEnvelope, KEY, startSim } from "./helpers";

const TAKEN = "User either already has booking at this time or is not available";
const TEAM_TAKEN = "One of the hosts either already has booking at this time or is not available";

async function userEventType(sim: Parameters<typeof call>[0], slug: string, length: number, options?: number[]) {
  const reply = await call(sim, "POST", "/v2/event-types", {
    body: { title: slug, slug, lengthInMinutes: length, ...(options ? { lengthInMinutesOptions: options } : {}) },
  });
  expect(reply.status).toBe(201);
  return reply.body.data as { id: number; ownerId: number };
}

describe("calcom-sim bookings", () => {
  it("creates, gets, lists, cancels with Cal.com's shapes", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 501);
    const created = await call(sim, "POST", "/v2/bookings", {
      body: bookingBody(et.id, "2030-06-04T09:00:00Z", {
        attendee: {
          name: "Ana",
          timeZone: "Europe/Lisbon",
          email: "ana@example.com",
          phoneNumber: "+351912345678",
          language: "pt",
        },
        metadata: { appointmentId: "apt_1", segment: "1/3" },
        unknownField: "stripped",
      }),
    });
    expect(created.status).toBe(201);
    const b = created.body.data;
    expect(created.body.status).toBe("success");
    expect(b).toMatchObject({
      id: 13068988,
      status: "accepted",
      start: "2030-06-04T09:00:00.000Z",
      end: "2030-06-04T09:30:00.000Z",
      duration: 30,
      eventTypeId: et.id,
      eventType: { id: et.id, slug: et.slug },
      hosts: [{ id: 501, name: "Stylist 501" }],
      metadata: { appointmentId: "apt_1", segment: "1/3" },
      attendees: [
        { name: "Ana", timeZone: "Europe/Lisbon", language: "pt", phoneNumber: "+351912345678", absent: false },
      ],
    });
    expect(b.uid).toMatch(/^[1-9a-km-zA-HJ-NP-Z]{22}$/);
    expect(b).not.toHaveProperty("unknownField");
    expect(b.cancellationReason).toBe("");
    expect(b).not.toHaveProperty("rescheduledFromUid");
    expect(typeof b.createdAt).toBe("string");

    const got = await call(sim, "GET", `/v2/bookings/${b.uid}`);
    expect(got.status).toBe(200);
    expect(got.body.data).toEqual(b);

    const second = await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T10:00:00Z") });
    expect(second.body.data.id).toBe(13068989);

    const cancelled = await call(sim, "POST", `/v2/bookings/${b.uid}/cancel`, {
      body: { cancellationReason: "Kunde krank" },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ uid: b.uid, status: "cancelled", cancellationReason: "Kunde krank" });
    expectEnvelope(
      await call(sim, "POST", `/v2/bookings/${b.uid}/cancel`, { body: {} }),
      400,
      "BadRequestException",
      `Can't cancel booking with uid=${b.uid} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`,
    );
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings/nope/cancel", { body: {} }),
      404,
      "NotFoundException",
      "Booking with uid=nope not found",
    );
    expectEnvelope(
      await call(sim, "GET", "/v2/bookings/nope"),
      404,
      "NotFoundException",
      "Booking with uid=nope was not found in the database",
    );
    // a cancelled slot can be booked again
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).status).toBe(
      201,
    );
  });

  it("refuses overlaps of the same host across event types, allows back-to-back and other hosts", async () => {
    const { sim } = await startSim();
    const cut = await userEventType(sim, "cut", 30);
    const color = await userEventType(sim, "color", 60);
    expect(
      (await call(sim, "POST", "/v2/bookings", { body: bookingBody(cut.id, "2030-06-04T09:00:00Z") })).status,
    ).toBe(201);
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { body: bookingBody(color.id, "2030-06-04T08:45:00Z") }),
      400,
      "BadRequestException",
      TAKEN,
    );
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { body: bookingBody(cut.id, "2030-06-04T09:00:00Z") }),
      400,
      "BadRequestException",
      TAKEN,
    );
    expect(
      (await call(sim, "POST", "/v2/bookings", { body: bookingBody(color.id, "2030-06-04T09:30:00Z") })).status,
    ).toBe(201);
    expect(
      (await call(sim, "POST", "/v2/bookings", { body: bookingBody(cut.id, "2030-06-04T08:30:00Z") })).status,
    ).toBe(201);

    const a = addStylistEventType(sim, 601);
    const a2 = addStylistEventType(sim, 601, 45);
    const other = addStylistEventType(sim, 602);
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(a.id, "2030-06-05T09:00:00Z") })).status).toBe(
      201,
    );
    expect(
      (await call(sim, "POST", "/v2/bookings", { body: bookingBody(other.id, "2030-06-05T09:00:00Z") })).status,
    ).toBe(201);
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { body: bookingBody(a2.id, "2030-06-05T09:15:00Z") }),
      400,
      "BadRequestException",
      TEAM_TAKEN,
    );
    expect(sim.state.listBookings({ status: "accepted" })).toHaveLength(5);
  });

  it("refuses a managed parent with the exact text and books its child", async () => {
    const { sim } = await startSim();
    const parent = sim.state.addEventType({
      apiKey: KEY,
      id: 3982562,
      title: "Ansatzfärbung",
      lengthInMinutes: 30,
      hosts: [{ userId: 1346408 }, { userId: 1414768 }],
      metadata: { managedEventConfig: [] },
    });
    const children = sim.state.listEventTypes({ parentEventTypeId: parent.id });
    expect(children.map((c) => c.hosts[0]?.userId)).toEqual([1346408, 1414768]);
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { body: bookingBody(3982562, "2030-06-04T09:00:00Z") }),
      400,
      "BadRequestException",
      "Event type with id=3982562 is the parent managed event type that can't be booked. You have to provide the child event type id aka id of event type that has been assigned to one of the users.",
    );
    const child = await call(sim, "POST", "/v2/bookings", {
      body: bookingBody(children[1]!.id, "2030-06-04T09:00:00Z"),
    });
    expect(child.status).toBe(201);
    expect(child.body.data.hosts[0].id).toBe(1414768);
    expect((await call(sim, "GET", `/v2/slots?eventTypeId=3982562&start=2030-06-04&end=2030-06-04`)).status).toBe(400);
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { body: bookingBody(999, "2030-06-04T09:00:00Z") }),
      404,
      "NotFoundException",
      "Event type with id 999 not found.",
    );
  });

  it("keeps Cal.com's default minimum notice of 120 minutes unless the event type sets its own", async () => {
    const { sim, clock } = await startSim(); // now: 2030-06-03 06:00 UTC
    const create = async (body: Record<string, unknown>) =>
      (
        await call(sim, "POST", "/v2/teams/10/event-types", {
          body: { schedulingType: "collective", hosts: [{ userId: 501 }], ...body },
        })
      ).body.data;
    const provisioned = await create({ title: "Cut", slug: "cut", lengthInMinutes: 30 });
    const walkIn = await create({ title: "Walk-in", slug: "walk-in", lengthInMinutes: 30, minimumBookingNotice: 0 });
    expect([provisioned.minimumBookingNotice, walkIn.minimumBookingNotice]).toEqual([120, 0]);
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { body: bookingBody(provisioned.id, "2030-06-03T07:30:00Z") }),
      400,
      "BadRequestException",
      /^The event type can't be booked at the "start" time provided\. This could be because it's too soon \(violating the minimum booking notice\)/,
    );
    expect(
      (await call(sim, "POST", "/v2/bookings", { body: bookingBody(provisioned.id, "2030-06-03T08:00:00Z") })).status,
    ).toBe(201);
    expect(
      (await call(sim, "POST", "/v2/bookings", { body: bookingBody(walkIn.id, "2030-06-03T06:30:00Z") })).status,
    ).toBe(201);
    clock.advance(3600_000);
    const slots = await call(sim, "GET", `/v2/slots?eventTypeId=${provisioned.id}&start=2030-06-03&end=2030-06-03`);
    expect(slots.body.data["2030-06-03"][0].start).toBe("2030-06-03T09:00:00.000Z");
  });

  it("reschedules into a new booking with the event type's default length", async () => {
    const { sim } = await startSim();
    const et = await userEventType(sim, "perm", 30, [30, 50]);
    const old = (
      await call(sim, "POST", "/v2/bookings", {
        body: bookingBody(et.id, "2030-06-04T09:00:00Z", { lengthInMinutes: 50, metadata: { appointmentId: "apt_9" } }),
      })
    ).body.data;
    expect(old.duration).toBe(50);
    const moved = await call(sim, "POST", `/v2/bookings/${old.uid}/reschedule`, {
      body: { start: "2030-06-04T09:20:00Z", reschedulingReason: "später" },
    });
    expect(moved.status).toBe(201);
    const nb = moved.body.data;
    expect(nb.uid).not.toBe(old.uid);
    expect(nb.id).toBeGreaterThan(old.id);
    expect(nb).toMatchObject({
      rescheduledFromUid: old.uid,
      start: "2030-06-04T09:20:00.000Z",
      end: "2030-06-04T09:50:00.000Z",
      duration: 30,
      metadata: { appointmentId: "apt_9" },
      attendees: [{ name: attendee.name, email: attendee.email }],
      status: "accepted",
    });
    const oldNow = (await call(sim, "GET", `/v2/bookings/${old.uid}`)).body.data;
    expect(oldNow).toMatchObject({ status: "cancelled", rescheduledToUid: nb.uid });
    expectEnvelope(
      await call(sim, "POST", `/v2/bookings/${old.uid}/reschedule`, { body: { start: "2030-06-04T12:00:00Z" } }),
      400,
      "BadRequestException",
      `Can't reschedule booking with uid=${old.uid} because it has been cancelled and rescheduled already to booking with uid=${nb.uid}. You probably want to reschedule ${nb.uid} instead by passing it within the request URL.`,
    );
    await call(sim, "POST", `/v2/bookings/${nb.uid}/cancel`, { body: {} });
    expectEnvelope(
      await call(sim, "POST", `/v2/bookings/${nb.uid}/reschedule`, { body: { start: "2030-06-04T12:00:00Z" } }),
      400,
      "BadRequestException",
      `Can't reschedule booking with uid=${nb.uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
    );
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings/zzz/reschedule", { body: { start: "2030-06-04T12:00:00Z" } }),
      404,
      "NotFoundException",
      "Booking with uid=zzz was not found in the database",
    );
    // conflicts apply to reschedules too
    const blocker = (await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T14:00:00Z") })).body
      .data;
    const third = (await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T15:00:00Z") })).body
      .data;
    expectEnvelope(
      await call(sim, "POST", `/v2/bookings/${third.uid}/reschedule`, { body: { start: blocker.start } }),
      400,
      "BadRequestException",
      TAKEN,
    );
  });

  it("validates the create body with Cal.com's texts", async () => {
    const { sim, clock } = await startSim();
    const et = await userEventType(sim, "cut", 30);
    const multi = await userEventType(sim, "multi", 30, [30, 45]);
    const post = (body: unknown) => call(sim, "POST", "/v2/bookings", { body });
    expectEnvelope(
      await post(bookingBody(et.id, "2030-06-04T09:00:00Z", { lengthInMinutes: 45 })),
      400,
      "BadRequestException",
      "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.",
    );
    expectEnvelope(
      await post(bookingBody(multi.id, "2030-06-04T09:00:00Z", { lengthInMinutes: 50 })),
      400,
      "BadRequestException",
      "Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: 30, 45",
    );
    const ok45 = await post(bookingBody(multi.id, "2030-06-04T10:00:00Z", { lengthInMinutes: 45 }));
    expect(ok45.body.data.end).toBe("2030-06-04T10:45:00.000Z");

    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    for (const metadata of [tooMany, { ["x".repeat(41)]: "v" }, { note: "y".repeat(501) }, { nested: { a: 1 } }]) {
      expectEnvelope(
        await post(bookingBody(et.id, "2030-06-04T11:00:00Z", { metadata })),
        400,
        "BadRequestException",
        /Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters\./,
      );
    }
    const fine = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`.padEnd(40, "x"), "y".repeat(500)]));
    expect((await post(bookingBody(et.id, "2030-06-04T11:00:00Z", { metadata: fine }))).status).toBe(201);

    expectEnvelope(
      await post({ start: "2030-06-04T12:00:00Z", attendee }),
      400,
      "BadRequestException",
      "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided",
    );
    expectEnvelope(
      await post(bookingBody(et.id, "2030-06-04T12:00:00Z", { attendee: { name: "A", timeZone: "Europe/Berlin" } })),
      400,
      "BadRequestException",
      /Attendee must have at least one contact method \(email or phone number\)/,
    );
    expectEnvelope(
      await post(
        bookingBody(et.id, "2030-06-04T12:00:00Z", { attendee: { name: "A", timeZone: "Mars/Base", email: "a@b.de" } }),
      ),
      400,
      "BadRequestException",
      /timeZone must be a valid IANA time-zone/,
    );
    expectEnvelope(
      await post({ eventTypeId: et.id, attendee }),
      400,
      "BadRequestException",
      /start must be a valid ISO 8601 date string/,
    );
    expectEnvelope(
      await post(bookingBody(et.id, "2030-06-03T05:00:00Z")),
      400,
      "BadRequestException",
      "Attempting to book a meeting in the past.",
    );
    clock.advance(24 * 3600_000);
    expectEnvelope(
      await post(bookingBody(et.id, "2030-06-04T05:00:00Z")),
      400,
      "BadRequestException",
      "Attempting to book a meeting in the past.",
    );
  });

  it("lists with Cal.com's filters and pagination", async () => {
    const { sim, clock } = await startSim();
    const a = addStylistEventType(sim, 701);
    const b = addStylistEventType(sim, 702);
    const mk = async (etId: number, start: string, email = "ana@example.com") =>
      (
        await call(sim, "POST", "/v2/bookings", {
          body: bookingBody(etId, start, { attendee: { ...attendee, email } }),
        })
      ).body.data;
    const b1 = await mk(a.id, "2030-06-03T09:00:00Z");
    const b2 = await mk(a.id, "2030-06-04T09:00:00Z", "bo+x@example.com");
    const b3 = await mk(b.id, "2030-06-04T09:00:00Z");
    const b4 = await mk(b.id, "2030-06-05T09:00:00Z");
    await call(sim, "POST", `/v2/bookings/${b4.uid}/cancel`, { body: {} });
    const list = async (q: string) => (await call(sim, "GET", `/v2/bookings${q}`)).body;
    const uids = async (q: string) => (await list(q)).data.map((x: { uid: string }) => x.uid);

    expect(await uids("")).toEqual([b1.uid, b2.uid, b3.uid, b4.uid]);
    expect(await uids(`?eventTypeId=${a.id}`)).toEqual([b1.uid, b2.uid]);
    expect(
      await uids(`?eventTypeIds=${a.id},${b.id}&afterStart=2030-06-04T00:00:00Z&beforeEnd=2030-06-04T09:30:00Z`),
    ).toEqual([b2.uid, b3.uid]);
    expect(await uids("?afterStart=2030-06-04T09:00:00.000Z&beforeEnd=2030-06-04T09:29:59Z")).toEqual([]);
    expect(await uids("?status=cancelled")).toEqual([b4.uid]);
    expect(await uids("?status=upcoming")).toEqual([b1.uid, b2.uid, b3.uid]);
    expect(await uids("?attendeeEmail=bo x@example.com")).toEqual([b2.uid]);
    expect(await uids(`?bookingUid=${b3.uid}`)).toEqual([b3.uid]);
    // explicit sort wins; equal starts fall back to id order
    expect(await uids("?sortStart=desc&status=upcoming,cancelled")).toEqual([b4.uid, b2.uid, b3.uid, b1.uid]);
    clock.advance(24 * 3600_000); // now 2030-06-04 06:00
    expect(await uids("?status=past")).toEqual([b1.uid]);
    expect(await uids("?status=upcoming,past")).toEqual([b1.uid, b2.uid, b3.uid]);

    const page = await list("?take=2&skip=2");
    expect(page.pagination).toEqual({
      totalItems: 4,
      remainingItems: 0,
      returnedItems: 2,
      itemsPerPage: 2,
      currentPage: 2,
      totalPages: 2,
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect((await list("?take=3")).pagination).toMatchObject({
      returnedItems: 3,
      remainingItems: 1,
      hasNextPage: true,
      currentPage: 1,
    });
    expect((await list("?take=3&skip=9")).pagination).toMatchObject({
      returnedItems: 0,
      currentPage: 2,
      hasPreviousPage: true,
    });
    expect((await list("?status=recurring")).pagination).toEqual({
      totalItems: 0,
      remainingItems: 0,
      returnedItems: 0,
      itemsPerPage: 100,
      currentPage: 0,
      totalPages: 0,
      hasNextPage: false,
      hasPreviousPage: false,
    });
    const constraint = async (query: string) => {
      const reply = await call(sim, "GET", `/v2/bookings${query}`);
      expectEnvelope(reply, 400, "BadRequestException", "Bad Request Exception");
      return reply.body.error.details.errors.map(
        (e: { constraints: Record<string, string> }) => Object.values(e.constraints)[0],
      );
    };
    expect(await constraint("?take=251")).toEqual(["take must not be greater than 250"]);
    expect(await constraint("?status=done")).toEqual([expect.stringMatching(/^Invalid status/)]);
    expect(await constraint("?afterStart=yesterday")).toEqual(["afterStart must be a valid ISO 8601 date string"]);
    expectEnvelope(
      await call(sim, "GET", "/v2/bookings?eventTypeId=12345"),
      400,
      "TRPCError",
      "The requested event-types do not exist.",
    );
  });

  it("forgets a booking deleted behind our back", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 801);
    const b = (await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).body.data;
    expect(sim.state.deleteBooking(b.uid)).toBe(true);
    expectEnvelope(
      await call(sim, "GET", `/v2/bookings/${b.uid}`),
      404,
      "NotFoundException",
      `Booking with uid=${b.uid} was not found in the database`,
    );
    expect((await call(sim, "GET", "/v2/bookings")).body.data).toEqual([]);
    expect(sim.state.listBookings()).toEqual([]);
    expect((await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:00:00Z") })).status).toBe(
      201,
    );
  });

  it("lets a host book and cancel directly in Cal.com", async () => {
    const { sim } = await startSim();
    const et = addStylistEventType(sim, 901);
    const ext = sim.state.addBooking({
      eventTypeId: et.id,
      start: "2030-06-04T09:00:00Z",
      metadata: { source: "cal-ui" },
    });
    expect(ext).toMatchObject({
      status: "accepted",
      source: "external",
      hostUserIds: [901],
      end: "2030-06-04T09:30:00.000Z",
    });
    expectEnvelope(
      await call(sim, "POST", "/v2/bookings", { body: bookingBody(et.id, "2030-06-04T09:10:00Z") }),
      400,
      "BadRequestException",
      TEAM_TAKEN,
    );
    expect(() => sim.state.addBooking({ eventTypeId: et.id, start: "2030-06-04T09:00:00Z" })).toThrow(
      /One of the hosts/,
    );
    expect(() =>
      sim.state.addBooking({ eventTypeId: et.id, start: "2030-06-04T09:00:00Z", allowConflicts: true }),
    ).toThrow("booking_conflict");
    const overlapping = sim.state.addBooking({
      eventTypeId: et.id,
      start: "2030-06-04T09:15:00Z",
      allowConflicts: true,
    });
    expect(overlapping.status).toBe("accepted");
    const cancelled = sim.state.cancelBookingExternally(ext.uid, "host is ill");
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationReason: "host is ill" });
    expect((await call(sim, "GET", `/v2/bookings/${ext.uid}`)).body.data.status).toBe("cancelled");
  });
});
