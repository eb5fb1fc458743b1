import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { CalcomClient } from "@/lib/calcom/client";
import { auditEventTypes } from "@/lib/calcom/provisioning/event-type-health";
import { salonEventTypeSettings } from "@/lib/calcom/provisioning/salon-settings";
import { getDb } from "@/lib/db/client";
import { calcomEventMap, companies } from "@/lib/db/schema";
import { createService } from "@/lib/catalog/create-service";
import { previewProvisioning } from "@/lib/calcom/provisioning/preview-provisioning";
import { provisionEventTypes } from "@/lib/calcom/provisioning/provision-event-types";
import { calcomSalon, refreshCtx, SALON_ADDRESS, startSim, TEAM_ID } from "../../support/calcom";
import { codeOf, messageOf, permInput } from "./helpers";

// No bookings here; the clock is fixed anyway so nothing depends on the day the suite runs.
const NOW = new Date("2030-06-03T08:00:00Z");
let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim({ now: () => NOW });
});
afterAll(() => sim.stop());

const SALON_LOCATION = [{ type: "address", address: SALON_ADDRESS, public: true }];
const mapOf = (serviceId: number, staffId: string, key: string) =>
  and(eq(calcomEventMap.serviceId, serviceId), eq(calcomEventMap.staffId, staffId), eq(calcomEventMap.segmentKey, key));
const clientOf = (salon: { apiKey: string }) => new CalcomClient({ baseUrl: `${sim.url}/v2`, apiKey: salon.apiKey });

describe("provisioning makes event types that work for a salon (issue 13.5)", () => {
  it("new event types: notice 0, the salon's address, hidden, no confirmation, the segment's length", async () => {
    const salon = await calcomSalon(sim);
    const { id } = await createService({ ctx: salon.ctx, input: permInput("Volumenwelle", [salon.anna.id]) });
    expect(await provisionEventTypes({ ctx: salon.ctx })).toMatchObject({ created: 3, updated: 0 });

    const maps = await getDb().select().from(calcomEventMap).where(eq(calcomEventMap.serviceId, id));
    const read = await Promise.all(maps.map((m) => clientOf(salon).getEventType(m.eventTypeId)));
    const byLength = read.map((et) => [
      et!.lengthInMinutes,
      et!.minimumBookingNotice,
      et!.locations,
      et!.hidden,
      et!.confirmationPolicy,
    ]);
    expect(byLength.sort()).toEqual(
      [
        [40, 0, SALON_LOCATION, true, { disabled: true }],
        [5, 0, SALON_LOCATION, true, { disabled: true }],
        [50, 0, SALON_LOCATION, true, { disabled: true }],
      ].sort(),
    );
    const singleHost = { schedulingType: "collective", teamId: TEAM_ID, metadata: {}, hosts: [{ userId: 5001 }] };
    for (const et of read) expect(et).toMatchObject(singleHost);
    const rows = await auditEventTypes({ ctx: salon.ctx, serviceId: id });
    expect(rows.map((r) => [r.segmentKey, r.status])).toEqual([
      ["A", "ok"],
      ["B", "ok"],
      ["C", "ok"],
    ]);
  });

  it("without the salon's address nothing is planned or created, and the refusal says what to do", async () => {
    const salon = await calcomSalon(sim);
    await getDb().update(companies).set({ address: null }).where(eq(companies.id, salon.company.id));
    const ctx = await refreshCtx(salon.company);
    await createService({ ctx, input: permInput("Ohne Adresse", [salon.ben.id]) });
    const before = sim.state.listEventTypes({ apiKey: salon.apiKey }).length;
    const wanted = "Bitte zuerst die Adresse des Salons in den Einstellungen eintragen.";
    expect(await messageOf(previewProvisioning({ ctx }))).toBe(wanted);
    expect(await codeOf(provisionEventTypes({ ctx }))).toBe("VALIDATION");
    expect(await messageOf(provisionEventTypes({ ctx }))).toBe(wanted);
    expect(sim.state.listEventTypes({ apiKey: salon.apiKey })).toHaveLength(before);
  });

  it("flags Cal.com's defaults (Cal Video, notice 120, public), confirmation, another place; fixes them", async () => {
    const salon = await calcomSalon(sim);
    const hosts = [{ userId: 5001 }];
    const base = { apiKey: salon.apiKey, hosts, schedulingType: "collective" as const, teamId: TEAM_ID };
    // As SlotDesk used to create them: Cal.com's defaults, and someone switched on confirmation.
    const confirmationPolicy = { type: "always" as const };
    const defaults = sim.state.addEventType({ ...base, title: "Alt", lengthInMinutes: 30, confirmationPolicy });
    const elsewhere = sim.state.addEventType({
      ...base,
      title: "Anderer Ort",
      lengthInMinutes: 50,
      ...salonEventTypeSettings("Alte Straße 5, 10115 Berlin"),
    });
    const pointAt = (eventTypeId: number, serviceId: number) =>
      getDb()
        .update(calcomEventMap)
        .set({ eventTypeId })
        .where(mapOf(serviceId, salon.anna.id, "A"));
    await pointAt(defaults.id, salon.cut.id);
    await pointAt(elsewhere.id, salon.perm.id);

    const broken = (await auditEventTypes({ ctx: salon.ctx })).filter((r) => r.status !== "ok");
    expect(broken.map((r) => [r.serviceName, r.status, r.eventTypeId])).toEqual([
      ["Dauerwelle", "wrong_settings", elsewhere.id],
      ["Herrenhaarschnitt", "wrong_settings", defaults.id],
    ]);
    const [moved, old] = broken;
    const otherPlace = "Ort „Alte Straße 5, 10115 Berlin“ ist nicht die Salonadresse „Musterstraße 1, 10115 Berlin“.";
    expect(moved!.problems).toEqual([otherPlace]);
    expect(old!.problems).toEqual([
      expect.stringContaining("Mindestvorlauf 120 min statt 0"),
      expect.stringContaining("Ort ist Cal Video (Online-Termin) statt der Salonadresse"),
      expect.stringContaining("müssen in Cal.com bestätigt werden"),
      expect.stringContaining("Öffentlich sichtbar"),
    ]);

    const { steps } = await previewProvisioning({ ctx: salon.ctx });
    expect(steps.map((s) => [s.serviceName, s.action, s.reason.split(":")[0]])).toEqual([
      ["Dauerwelle", "update", "Einstellungen korrigieren"],
      ["Herrenhaarschnitt", "update", "Einstellungen korrigieren"],
    ]);
    expect(sim.state.getEventType(defaults.id)).toMatchObject({ minimumBookingNotice: 120, hidden: false });

    const result = await provisionEventTypes({ ctx: salon.ctx });
    expect(result).toMatchObject({ created: 0, updated: 2, reused: 0, skipped: 0 });
    for (const id of [defaults.id, elsewhere.id]) {
      const et = await clientOf(salon).getEventType(id);
      expect(et).toMatchObject({ minimumBookingNotice: 0, locations: SALON_LOCATION, hidden: true });
      expect(et!.confirmationPolicy).toEqual({ disabled: true });
    }
    const [cut] = await getDb()
      .select()
      .from(calcomEventMap)
      .where(mapOf(salon.cut.id, salon.anna.id, "A"));
    expect(cut!.eventTypeId).toBe(defaults.id);
    expect((await auditEventTypes({ ctx: salon.ctx })).filter((r) => r.status !== "ok")).toEqual([]);
  });
});
