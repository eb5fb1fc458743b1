import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/calcom/webhook/route";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, calcomWebhookEvents, externalBusyTimes } from "@/lib/db/schema";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";

const NOW = new Date("2031-02-27T12:00:00Z");
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant("2031-03-03", h! * 60 + m!, "Europe/Berlin");
};

// The simulator delivers webhooks over HTTP to this server, which hands them to the real route.
let sim: CalcomSimulator;
let receiver: http.Server;
let receiverUrl: string;
beforeAll(async () => {
  sim = await startSim();
  receiver = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const response = await POST(
      new Request(`http://localhost${req.url}`, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      }),
    );
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/calcom/webhook`;
});
afterAll(async () => {
  await sim.stop();
  await new Promise((r) => receiver.close(r));
});

/** One webhook per mapped event type, as provisioning registers them: user webhooks stay silent for team types. */
async function webhookSalon() {
  const salon = await calcomSalon(sim);
  for (const eventTypeId of salon.eventTypes.values()) {
    sim.state.addWebhook({
      apiKey: salon.apiKey,
      eventTypeId,
      subscriberUrl: `${receiverUrl}?company=${salon.company.id}`,
      triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED"],
      secret: salon.webhookSecret,
    });
  }
  return salon;
}
const post = (body: string, signature: string | null) =>
  POST(
    new Request("http://localhost/api/calcom/webhook", {
      method: "POST",
      headers: signature ? { "x-cal-signature-256": signature } : {},
      body,
    }),
  );

describe("Cal.com webhooks (contract §3)", () => {
  it("refuses a wrong signature, no-secret-provided and no signature — and changes nothing", async () => {
    const salon = await webhookSalon();
    const body = JSON.stringify({
      triggerEvent: "BOOKING_CREATED",
      createdAt: new Date().toISOString(),
      payload: {
        uid: "ext-1",
        startTime: at("12:00").toISOString(),
        endTime: at("13:00").toISOString(),
        organizer: { id: 5001 },
      },
    });
    const wrong = createHmac("sha256", "not-the-secret").update(body).digest("hex");
    expect((await post(body, wrong)).status).toBe(401);
    expect((await post(body, "no-secret-provided")).status).toBe(401);
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, "abc")).status).toBe(401);
    expect(
      await getDb().select().from(calcomWebhookEvents).where(eq(calcomWebhookEvents.companyId, salon.company.id)),
    ).toEqual([]);
    expect(
      await getDb().select().from(externalBusyTimes).where(eq(externalBusyTimes.companyId, salon.company.id)),
    ).toEqual([]);
    const right = createHmac("sha256", salon.webhookSecret).update(body).digest("hex");
    expect((await post(body, right)).status).toBe(200);
    expect((await (await post(body, right)).json()).duplicate).toBe(true);
  });

  it("a booking made directly in Cal.com becomes busy time that availability respects", async () => {
    const salon = await webhookSalon();
    const cut = salon.eventTypes.get(`Herrenhaarschnitt|A|${salon.anna.id}`)!;
    const direct = sim.state.addBooking({
      eventTypeId: cut,
      start: at("12:00").toISOString(),
      lengthInMinutes: 60,
      title: "Privattermin",
    });
    await sim.state.webhooksIdle();
    const [busy] = await getDb().select().from(externalBusyTimes).where(eq(externalBusyTimes.externalUid, direct.uid));
    expect(busy).toMatchObject({ staffId: salon.anna.id, startsAt: at("12:00"), endsAt: at("13:00") });
    const { slots } = await findAvailability({
      ctx: salon.ctx,
      input: { serviceId: salon.cut.id, from: "2031-03-03", staffId: salon.anna.id, now: NOW },
    });
    expect(slots.map((s) => s.start.toISOString())).not.toContain(at("12:00").toISOString());

    sim.state.cancelBookingExternally(direct.uid);
    await sim.state.webhooksIdle();
    expect(await getDb().select().from(externalBusyTimes).where(eq(externalBusyTimes.externalUid, direct.uid))).toEqual(
      [],
    );
  });

  it("our own bookings' webhooks are recognised; a cancellation by someone else flags the appointment", async () => {
    const salon = await webhookSalon();
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon.perm.id,
        start: at("10:00"),
        staffId: salon.anna.id,
        customer: { name: "Webhook" },
        now: NOW,
      },
    });
    await syncAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, verifyDelayMs: 0 } });
    await sim.state.webhooksIdle();
    const events = await getDb()
      .select()
      .from(calcomWebhookEvents)
      .where(eq(calcomWebhookEvents.companyId, salon.company.id));
    expect(events.map((e) => e.outcome)).toEqual(["ignored_own", "ignored_own", "ignored_own", "ignored_own"]);
    expect(
      (await getDb().select().from(appointments).where(eq(appointments.id, appointment.id)))[0]!.requiresManualReview,
    ).toBe(false);

    const [phaseA] = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, appointment.id))
      .orderBy(appointmentPhases.sequenceOrder);
    sim.state.cancelBookingExternally(phaseA!.calcomBookingUid!, "Stylistin krank");
    await sim.state.webhooksIdle();
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row).toMatchObject({ requiresManualReview: true, syncErrorCode: "calcom_cancelled_externally" });
    expect(row!.syncErrorMessage).toContain("direkt in Cal.com storniert");
  });
});
