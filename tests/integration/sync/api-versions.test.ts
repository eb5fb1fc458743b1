import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { CalcomClient } from "@/lib/calcom/client";
import { auditEventTypes } from "@/lib/calcom/provisioning/event-type-health";
import { reconcileUpcoming } from "@/lib/calcom/sync/reconcile";
import { reverifyAppointment } from "@/lib/calcom/sync/reverify";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

// Without cal-api-version (or with one this Cal.com does not know) Cal.com silently answers with its
// 2024-04-15 controllers: other shapes, and the booking list ignores its filters (recorded).
const EXPECTED: [RegExp, string][] = [
  [/^\/v2\/bookings/, "2024-08-13"],
  [/^\/v2\/slots/, "2024-09-04"],
  [/^\/v2\/(teams\/\d+\/)?event-types/, "2024-06-14"],
];
const NOW = new Date("2031-02-27T12:00:00Z");
const at = (hhmm: string) =>
  zonedInstant("2031-03-03", Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), "Europe/Berlin");

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

describe("every request carries the cal-api-version the recordings show working", () => {
  it("sync, move, cancel, re-verify, reconcile, audit and slots: no request without it", async () => {
    const salon = await calcomSalon(sim);
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.perm.id,
        start: at("10:00"),
        staffId: salon.anna.id,
        customer: { name: "Vera Version", phone: "+4915100002222" },
        now: NOW,
      },
    });
    const sync = () => syncAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, verifyDelayMs: 0 } });
    await sync();
    await rescheduleAppointment({
      ctx: salon.ctx,
      input: { appointmentId: appointment.id, start: at("11:00"), now: NOW },
    });
    await sync();
    await reverifyAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id } });
    await reconcileUpcoming({ ctx: salon.ctx, input: { now: NOW } });
    await auditEventTypes({ ctx: salon.ctx });
    const client = new CalcomClient({ baseUrl: `${sim.url}/v2`, apiKey: salon.apiKey });
    await client.getSlots(salon.eventTypes.values().next().value!, at("09:00"), at("18:00"), "Europe/Berlin");
    await cancelAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, now: NOW } });
    await sync();

    const log = sim.state.requestLog().filter((e) => e.apiKey === salon.apiKey);
    expect(log.length).toBeGreaterThan(10);
    for (const entry of log) {
      const path = entry.path.split("?")[0]!;
      const expected = EXPECTED.find(([pattern]) => pattern.test(path));
      expect(expected, `${entry.method} ${path} belongs to a known endpoint family`).toBeDefined();
      expect(entry.apiVersion, `${entry.method} ${path}`).toBe(expected![1]);
    }
    expect(new Set(log.map((e) => e.method))).toEqual(new Set(["GET", "POST"]));
  });
});
