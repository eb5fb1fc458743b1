import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/calcom/webhook/route";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, calcomWebhookEvents, externalBusyTimes } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

const NOW = new Date("2031-02-27T12:00:00Z");
const at = (hhmm: string) =>
  zonedInstant("2031-03-03", Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), "Europe/Berlin");

let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

type Salon = Awaited<ReturnType<typeof calcomSalon>>;
const send = (salon: Salon, event: unknown) => {
  const body = JSON.stringify(event);
  return POST(
    new Request(`http://localhost/api/calcom/webhook?company=${salon.company.id}`, {
      method: "POST",
      headers: { "x-cal-signature-256": createHmac("sha256", salon.webhookSecret).update(body).digest("hex") },
      body,
    }),
  );
};
const eventsOf = (salon: Salon) =>
  getDb().select().from(calcomWebhookEvents).where(eq(calcomWebhookEvents.companyId, salon.company.id));
const busyOf = (salon: Salon) =>
  getDb().select().from(externalBusyTimes).where(eq(externalBusyTimes.companyId, salon.company.id));
const created = (payload: Record<string, unknown>) => ({
  triggerEvent: "BOOKING_CREATED",
  createdAt: "2031-02-27T12:00:00Z",
  payload,
});

describe("Cal.com webhooks: validated, never lost, ours only by uid", () => {
  it("a malformed time or an inverted interval is refused with 400 and nothing is stored", async () => {
    const salon = await calcomSalon(sim);
    for (const times of [
      { startTime: "not-a-date", endTime: at("13:00").toISOString() },
      { startTime: at("13:00").toISOString(), endTime: at("12:00").toISOString() },
    ]) {
      const response = await send(salon, created({ uid: "ext-bad", organizer: { id: 5001 }, ...times }));
      expect(response.status).toBe(400);
    }
    expect(await eventsOf(salon)).toEqual([]);
    expect(await busyOf(salon)).toEqual([]);
  });

  it("an event whose processing fails is not kept: Cal.com's resend is processed, not answered 'duplicate'", async () => {
    const salon = await calcomSalon(sim);
    const event = created({
      uid: "ext-retry",
      title: "Privattermin",
      startTime: at("12:00").toISOString(),
      endTime: at("13:00").toISOString(),
      organizer: { id: 5001 },
    });
    const db = getDb();
    // The database refuses the busy time once (as a lost connection or a deadlock would).
    await db.execute(sql`create or replace function slotdesk_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'refused once'; end $$`);
    await db.execute(sql`create trigger slotdesk_test_refuse before insert on external_busy_times
      for each row execute function slotdesk_test_refuse()`);
    try {
      expect((await send(salon, event)).status).toBe(500);
    } finally {
      await db.execute(sql`drop trigger slotdesk_test_refuse on external_busy_times`);
    }
    expect(await eventsOf(salon)).toEqual([]);
    const resent = await send(salon, event);
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ duplicate: false, outcome: "external_busy" });
    expect((await busyOf(salon)).map((b) => b.externalUid)).toEqual(["ext-retry"]);
    expect(await (await send(salon, event)).json()).toMatchObject({ duplicate: true });
  });

  it("a stranger's booking carrying our metadata keys is busy time, and the appointment it names is flagged", async () => {
    const salon = await calcomSalon(sim);
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.cut.id,
        start: at("10:00"),
        staffId: salon.anna.id,
        customer: { name: "Echte Kundin", phone: "+4915112340077" },
        now: NOW,
      },
    });
    await syncAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, verifyDelayMs: 0 } });
    const [phase] = await getDb()
      .select()
      .from(appointmentPhases)
      .where(and(eq(appointmentPhases.appointmentId, appointment.id), eq(appointmentPhases.staffRequired, true)));
    // A public booker prefilled our keys for a booking two hours later with the same stylist.
    const response = await send(
      salon,
      created({
        uid: "stranger-1",
        eventTypeId: phase!.calcomEventTypeId,
        startTime: at("14:00").toISOString(),
        endTime: at("14:30").toISOString(),
        organizer: { id: 5001 },
        metadata: { crm_phase_id: String(phase!.id), crm_appointment_id: String(appointment.id) },
      }),
    );
    expect(await response.json()).toMatchObject({ outcome: "external_busy_flagged" });
    expect((await busyOf(salon)).map((b) => [b.externalUid, b.staffId, b.startsAt])).toEqual([
      ["stranger-1", salon.anna.id, at("14:00")],
    ]);
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row).toMatchObject({ requiresManualReview: true, syncErrorCode: "calcom_foreign_metadata" });
    // Our own booking (its uid is stored on the phase) is still ours.
    const own = await send(
      salon,
      created({
        uid: phase!.calcomBookingUid,
        startTime: at("10:00").toISOString(),
        endTime: at("10:30").toISOString(),
      }),
    );
    expect(await own.json()).toMatchObject({ outcome: "ignored_own" });
  });

  it("the sync's own booking announced before its uid is stored is recognised only where the phase is", async () => {
    const salon = await calcomSalon(sim);
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.cut.id,
        start: at("11:00"),
        staffId: salon.anna.id,
        customer: { name: "Frühe Meldung", phone: "+4915112340078" },
        now: NOW,
      },
    });
    const [phase] = await getDb()
      .select()
      .from(appointmentPhases)
      .where(and(eq(appointmentPhases.appointmentId, appointment.id), eq(appointmentPhases.staffRequired, true)));
    const eventTypeId = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.anna.id}`)!;
    const metadata = { crm_phase_id: String(phase!.id), crm_appointment_id: String(appointment.id) };
    const exact = await send(
      salon,
      created({
        uid: "in-flight",
        eventTypeId,
        startTime: phase!.startTime.toISOString(),
        endTime: phase!.endTime.toISOString(),
        organizer: { id: 5001 },
        metadata,
      }),
    );
    expect(await exact.json()).toMatchObject({ outcome: "ignored_own" });
    // Same keys, another stylist: not ours.
    const elsewhere = await send(
      salon,
      created({
        uid: "in-flight-other-host",
        eventTypeId,
        startTime: phase!.startTime.toISOString(),
        endTime: phase!.endTime.toISOString(),
        organizer: { id: 5002 },
        metadata,
      }),
    );
    expect(await elsewhere.json()).toMatchObject({ outcome: "external_busy_flagged" });
    expect((await busyOf(salon)).map((b) => b.externalUid)).toEqual(["in-flight-other-host"]);
  });
});
