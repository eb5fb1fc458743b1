import { describe, expect, it } from "vitest";
import { call, expectEnvelope, startSim } from "./helpers";

const SALON = { type: "address", address: "Torstraße 112, 10119 Berlin", public: true };
const TEAM_ET = "/v2/teams/77/event-types";
const notFound = (id: string) => `Webhook with id ${id} not found`;

describe("calcom-sim: salon settings of team event types and their webhooks", () => {
  it("echoes notice, location, hidden and the confirmation policy; PATCH changes only what it names", async () => {
    const { sim } = await startSim();
    const noConfirmation = { disabled: true };
    const settings = { minimumBookingNotice: 0, locations: [SALON], hidden: true, confirmationPolicy: noConfirmation };
    const created = await call(sim, "POST", TEAM_ET, {
      body: {
        title: "Schnitt (Emma)",
        slug: "schnitt-emma",
        lengthInMinutes: 30,
        schedulingType: "collective",
        hosts: [{ userId: 21, mandatory: true }],
        ...settings,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject(settings);

    const id = created.body.data.id;
    const confirm = { type: "always", blockUnconfirmedBookingsInBooker: true };
    const body = { minimumBookingNotice: 120, confirmationPolicy: confirm };
    const patched = await call(sim, "PATCH", `${TEAM_ET}/${id}`, { body });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ ...body, id, locations: [SALON], hidden: true, lengthInMinutes: 30 });
    expect((await call(sim, "GET", `/v2/event-types/${id}`)).body.data).toMatchObject(body);

    const unknown = await call(sim, "PATCH", `${TEAM_ET}/4999999`, { body: { hidden: true } });
    expectEnvelope(unknown, 404, "NotFoundException", "Event type with id 4999999 not found");
    const badOptions = await call(sim, "PATCH", `${TEAM_ET}/${id}`, { body: { lengthInMinutesOptions: [15, 45] } });
    expectEnvelope(badOptions, 400, "BadRequestException", "lengthInMinutesOptions must include lengthInMinutes");
  });

  it("a managed parent passes a PATCH on to its children", async () => {
    const { sim } = await startSim();
    const managed = await call(sim, "POST", TEAM_ET, {
      body: {
        title: "Föhnen",
        slug: "foehnen",
        lengthInMinutes: 30,
        schedulingType: "managed",
        hosts: [{ userId: 1 }, { userId: 2 }],
      },
    });
    const [parent, child] = managed.body.data;
    await call(sim, "PATCH", `${TEAM_ET}/${parent.id}`, { body: { locations: [SALON], minimumBookingNotice: 0 } });
    const read = (await call(sim, "GET", `/v2/event-types/${child.id}`)).body.data;
    const managedConfig = { managedEventConfig: {} };
    expect(read).toMatchObject({ locations: [SALON], minimumBookingNotice: 0, ownerId: 1, metadata: managedConfig });
    expect(read).not.toHaveProperty("schedulingType");
  });

  it("lists, reads, changes and deletes the webhooks of a team event type", async () => {
    const { sim } = await startSim();
    const etBody = { title: "A", slug: "a", lengthInMinutes: 30, schedulingType: "collective", hosts: [{ userId: 2 }] };
    const et = (await call(sim, "POST", TEAM_ET, { body: etBody })).body.data;
    const hooks = `${TEAM_ET}/${et.id}/webhooks`;
    const url = "http://127.0.0.1:9/hook";
    const body = { subscriberUrl: url, triggers: ["BOOKING_CREATED"], active: true, secret: "s3cret" };
    const created = await call(sim, "POST", hooks, { body, version: null });
    expect(created.status).toBe(201);
    const hookId = created.body.data.id;
    expect(created.body.data).toMatchObject({ ...body, eventTypeId: et.id, payloadTemplate: null });

    const change = { active: false, triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"] };
    const patched = await call(sim, "PATCH", `${hooks}/${hookId}`, { body: change });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ ...change, id: hookId, secret: "s3cret" });
    expect((await call(sim, "GET", `${hooks}/${hookId}`)).body.data).toEqual(patched.body.data);
    expect((await call(sim, "GET", hooks)).body.data).toEqual([patched.body.data]);

    expect((await call(sim, "DELETE", `${hooks}/${hookId}`)).status).toBe(200);
    expect((await call(sim, "GET", hooks)).body.data).toEqual([]);
    expectEnvelope(await call(sim, "GET", `${hooks}/${hookId}`), 404, "NotFoundException", notFound(hookId));
    const gone = await call(sim, "PATCH", `${hooks}/${hookId}`, { body: { active: true } });
    expectEnvelope(gone, 404, "NotFoundException", notFound(hookId));
  });
});
