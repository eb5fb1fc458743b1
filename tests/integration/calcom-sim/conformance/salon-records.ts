import type { Receiver } from "./receiver";
import { type Call, KEYS, SALON_TEAM_ID, USERS, type startSalonDemo } from "./salon-demo";

/** Event types A, B, P and the bookings and webhooks of the recordings, made through the API as Cal.com's were. */

export type World = Awaited<ReturnType<typeof startSalonDemo>> & {
  et: Record<"A" | "B" | "P", number>;
  receiver?: Receiver;
};

export const WEBHOOK_SECRET = "whsec_conformance_secret";
export const RECORDED_RECEIVER = "http://127.0.0.1:5602";
const ADDRESS = { type: "address", address: "Salon Demo, Hauptstraße 1, 10115 Berlin", public: true };
const emmaHost = [{ userId: USERS.emma.id, mandatory: true }];
const TEAM_ET = `/v2/teams/${SALON_TEAM_ID}/event-types`;
const BODIES = {
  // SlotDesk's provisioning body, verbatim.
  A: {
    title: "Corpus: Herrenhaarschnitt (Emma Wagner)",
    slug: "corpus-herrenhaarschnitt-emma",
    lengthInMinutes: 30,
    schedulingType: "collective",
    hosts: emmaHost,
  },
  B: {
    title: "Corpus: Dauerwelle – Haare wickeln (Emma Wagner)",
    slug: "corpus-dauerwelle-a-emma",
    lengthInMinutes: 50,
    lengthInMinutesOptions: [5, 15, 40, 50],
    minimumBookingNotice: 0,
    locations: [ADDRESS],
    schedulingType: "collective",
    hosts: emmaHost,
  },
  P: {
    title: "Corpus: Beratung (Fabian)",
    slug: "corpus-beratung-fabian",
    lengthInMinutes: 30,
    minimumBookingNotice: 0,
    locations: [ADDRESS],
  },
};

export async function createEventTypes(call: Call, which: Array<"A" | "B" | "P">) {
  const et = {} as Record<"A" | "B" | "P", number>;
  for (const name of which) {
    const reply =
      name === "P"
        ? await call("POST", "/v2/event-types", { key: KEYS.fabian, version: "2024-06-14", body: BODIES.P })
        : await call("POST", TEAM_ET, { version: "2024-06-14", body: BODIES[name] });
    if (reply.status !== 201) throw new Error(`setup: event type ${name}: ${reply.raw}`);
    et[name] = reply.body.data.id;
  }
  return et;
}

export type Guest = [name: string, email: string, phone?: string];
const attendee = ([name, email, phone = "+4915112340042"]: Guest) => ({
  name,
  timeZone: "Europe/Berlin",
  language: "de",
  email,
  phoneNumber: phone,
});
export const meta = (appointment: string, phase: string, segment = "A") => ({
  crm_appointment_id: appointment,
  crm_phase_id: phase,
  segment_key: segment,
});

export async function book(
  w: World,
  eventTypeId: number,
  start: string,
  guest: Guest,
  metadata: object,
  lengthInMinutes?: number,
) {
  const body = {
    start,
    eventTypeId,
    attendee: attendee(guest),
    metadata,
    ...(lengthInMinutes ? { lengthInMinutes } : {}),
  };
  const reply = await w.call("POST", "/v2/bookings", { version: "2024-08-13", body });
  if (reply.status !== 201) throw new Error(`setup: booking at ${start}: ${reply.raw}`);
  return reply.body.data as { id: number; uid: string };
}

/** The four bookings on A/B and the one on P that 2027-01-11 holds (list-bookings-pagination.json, in start order). */
export async function monday(w: World, withP = true) {
  const made = [
    await book(
      w,
      w.et.A,
      "2027-01-11T09:00:00.000Z",
      ["Anna Mueller", "anna.mueller@example.test"],
      meta("9001", "9101"),
    ),
    await book(
      w,
      w.et.B,
      "2027-01-11T09:30:00.000Z",
      ["Emil Anschluss", "emil.anschluss@example.test"],
      meta("9006", "9106"),
      15,
    ),
    await book(
      w,
      w.et.A,
      "2027-01-11T10:00:00.000Z",
      ["Paul Becker", "kunde-42@ohne-kontakt.slotdesk.invalid", "+4915112340043"],
      meta("9003", "9103"),
    ),
    await book(
      w,
      w.et.B,
      "2027-01-11T12:00:00.000Z",
      ["Bernd Kurz", "bernd.kurz@example.test"],
      meta("9002", "9102"),
      15,
    ),
  ];
  if (withP)
    made.push(await book(w, w.et.P, "2027-01-11T14:00:00.000Z", ["Fritz Eins", "fritz.eins@example.test"], { k: "1" }));
  return made;
}

export async function webhooks(w: World) {
  const triggers = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"];
  const hook = (path: string) => ({
    subscriberUrl: `${w.receiver!.origin}${path}`,
    triggers,
    active: true,
    secret: WEBHOOK_SECRET,
  });
  const replies = [
    await w.call("POST", `${TEAM_ET}/${w.et.A}/webhooks`, { body: hook("/hook/team-et") }),
    await w.call("POST", "/v2/webhooks", { key: KEYS.emma, body: hook("/hook/user-emma") }),
    await w.call("POST", "/v2/webhooks", { body: hook("/hook/user-owner") }),
  ];
  for (const r of replies) if (r.status !== 201) throw new Error(`setup: webhook: ${r.raw}`);
}
