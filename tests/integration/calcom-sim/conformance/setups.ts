import { book, meta, monday, webhooks, type Guest, type World } from "./salon-records";
import { KEYS, OTHER_TEAM_ID, SALON_TEAM_ID, USERS } from "./salon-demo";

/**
 * The `setup` of each recording: which of the event types A, B, P exist, what already existed
 * (bookings, reservations, webhooks) and the placeholders it stands for. Where a recording's setup
 * text and its own responses disagree, the responses win and `deviation` says so.
 */

type Bindings = Record<string, string | number>;
export type FileSetup = {
  eventTypes: Array<"A" | "B" | "P">;
  receiver?: boolean;
  /** Creates what already existed; returns the placeholders it stands for. */
  prepare?: (w: World) => Promise<Bindings> | Bindings;
  /** Runs right before the exchange with that index (clock moves, unrecorded traffic). */
  before?: Record<number, (w: World) => Promise<void> | void>;
  /** Tokens sent for `<invalid-key>` per exchange where the recording used a different one. */
  tokens?: Record<number, string>;
  deviation?: string;
};

const MONA: Guest = ["Mona Hook", "mona.hook@example.test"];
const ANNA: Guest = ["Anna Mueller", "anna.mueller@example.test"];
const GERDA: Guest = ["Gerda Storno", "gerda.storno@example.test"];
const salon = { "<teamId:1>": SALON_TEAM_ID };
const ids = (w: World, map: Record<string, "A" | "B" | "P">) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, w.et[v]]));
const EMMA = { "<userId:1>": USERS.emma.id };

export const SETUPS: Record<string, FileSetup> = {
  "auth-errors.json": {
    eventTypes: ["A"],
    async prepare(w) {
      const olga = await w.call("POST", "/v2/event-types", {
        key: KEYS.olga,
        version: "2024-06-14",
        body: { title: "Privat", slug: "privat", lengthInMinutes: 30 },
      });
      return {
        "<teamId:1>": OTHER_TEAM_ID,
        "<teamId:2>": SALON_TEAM_ID,
        "<eventTypeId:1>": olga.body.data.id,
        "<eventTypeId:2>": w.et.A,
        ...EMMA,
        "<userId:2>": USERS.mehmet.id,
      };
    },
    tokens: { 2: "not-a-cal-key" },
  },
  "cancel-twice.json": {
    eventTypes: ["A"],
    async prepare(w) {
      const b = await book(w, w.et.A, "2027-01-14T09:00:00.000Z", GERDA, meta("9400", "9401"));
      await w.call("POST", `/v2/bookings/${b.uid}/cancel`, {
        version: "2024-08-13",
        body: { cancellationReason: "SlotDesk: Termin storniert" },
      });
      return { "<uid:1>": b.uid };
    },
  },
  "cancel.json": { eventTypes: ["A"], prepare: (w) => ({ ...ids(w, { "<eventTypeId:1>": "A" }), ...EMMA }) },
  "concurrent-identical-409.json": {
    eventTypes: ["B"],
    prepare: (w) => ({ ...ids(w, { "<eventTypeId:1>": "B" }), ...EMMA }),
  },
  "concurrent-overlap-all-accepted.json": {
    eventTypes: ["B"],
    prepare: (w) => ({ ...ids(w, { "<eventTypeId:1>": "B" }), ...EMMA }),
  },
  "create-conflict-400.json": {
    eventTypes: ["A", "B", "P"],
    async prepare(w) {
      await book(w, w.et.A, "2027-01-11T09:00:00.000Z", ANNA, meta("9001", "9101"));
      return {
        ...ids(w, { "<eventTypeId:1>": "A", "<eventTypeId:2>": "B", "<eventTypeId:3>": "P" }),
        ...EMMA,
        "<userId:2>": USERS.fabian.id,
      };
    },
  },
  "create-email-validation-400.json": { eventTypes: ["A"], prepare: (w) => ids(w, { "<eventTypeId:1>": "A" }) },
  "create-phone-only.json": { eventTypes: ["A"], prepare: (w) => ({ ...ids(w, { "<eventTypeId:1>": "A" }), ...EMMA }) },
  "create-with-email.json": {
    eventTypes: ["A", "B"],
    prepare: (w) => ({ ...ids(w, { "<eventTypeId:1>": "A", "<eventTypeId:2>": "B" }), ...EMMA }),
  },
  "event-type-create-team.json": { eventTypes: [], prepare: () => ({ ...salon, ...EMMA }) },
  "get-booking.json": {
    eventTypes: ["A"],
    async prepare(w) {
      const b = await book(w, w.et.A, "2027-01-11T09:00:00.000Z", ANNA, meta("9001", "9101"));
      return { "<uid:1>": b.uid, "<bookingId:1>": b.id, ...ids(w, { "<eventTypeId:1>": "A" }), ...EMMA };
    },
  },
  "list-bookings-pagination.json": {
    eventTypes: ["A", "B", "P"],
    async prepare(w) {
      const made = await monday(w);
      const bound = Object.fromEntries(
        made.flatMap((b, i) => [
          [`<uid:${i + 1}>`, b.uid],
          [`<bookingId:${i + 1}>`, b.id],
        ]),
      );
      return {
        ...bound,
        ...ids(w, { "<eventTypeId:1>": "A", "<eventTypeId:2>": "B", "<eventTypeId:3>": "P" }),
        ...EMMA,
        "<userId:2>": USERS.fabian.id,
      };
    },
  },
  "managed-event-type-booking.json": {
    eventTypes: [],
    prepare: () => ({ ...salon, "<userId:1>": USERS.fabian.id, "<userId:2>": USERS.emma.id }),
  },
  "rate-limit-429.json": {
    eventTypes: ["A"],
    async prepare(w) {
      const b = await book(
        w,
        w.et.A,
        "2027-01-21T10:00:00.000Z",
        ["Zora Probe", "zora.probe@example.test"],
        meta("9960", "9961"),
      );
      return { ...salon, ...EMMA, "<uid:1>": b.uid };
    },
    before: {
      // "request 120: last 200 of the burst": requests 2–119 were not recorded; the burst took over a second.
      async 1(w) {
        for (let i = 2; i < 120; i++) await w.call("GET", "/v2/me", { key: KEYS.mehmet });
        w.clock.advance(1_200);
      },
      // "sent ~19 s after the first 429": its reset header says 42 s of the block were left.
      4: (w) => w.clock.advance(18_000),
    },
  },
  "reschedule-length-reset.json": {
    eventTypes: ["A", "B"],
    prepare: (w) => ({ ...ids(w, { "<eventTypeId:1>": "B", "<eventTypeId:2>": "A" }), ...EMMA }),
  },
  "reservation-advisory.json": {
    eventTypes: ["B"],
    async prepare(w) {
      await book(
        w,
        w.et.B,
        "2027-01-16T10:00:00.000Z",
        ["Sara Samstag", "sara.samstag@example.test"],
        meta("9590", "9591"),
        15,
      );
      const slot = {
        eventTypeId: w.et.B,
        slotStart: "2027-01-16T12:00:00.000Z",
        slotDuration: 15,
        reservationDuration: 60,
      };
      const r = await w.call("POST", "/v2/slots/reservations", { version: "2024-09-04", body: slot });
      if (r.status !== 201) throw new Error(`setup: reservation: ${r.raw}`);
      return { ...ids(w, { "<eventTypeId:1>": "B" }), ...EMMA };
    },
    deviation:
      "slots.json's setup names a booking 11:00–11:15 and a reservation 13:00–13:15 Berlin on 2027-01-16, but only these " +
      "responses show them (the slots of 11:00 and 13:00 are missing here, offered there): they are set up here.",
  },
  "slots.json": {
    eventTypes: ["A", "B"],
    async prepare(w) {
      await monday(w, false);
      return ids(w, { "<eventTypeId:1>": "B", "<eventTypeId:2>": "A" });
    },
    deviation:
      "the Saturday booking and reservation of the setup text are set up in reservation-advisory.json (see there).",
  },
  "unknown-version-fallback.json": {
    eventTypes: ["A", "B", "P"],
    async prepare(w) {
      // Bookings outside the requested window, like the ones the recorded fallback list returned.
      await monday(w);
      return { ...ids(w, { "<eventTypeId:1>": "A" }), ...EMMA, "<userId:4>": USERS.sandra.id };
    },
  },
  "webhook-booking-created.json": {
    eventTypes: ["A"],
    receiver: true,
    prepare: (w) => ({ ...salon, ...ids(w, { "<eventTypeId:1>": "A" }), ...EMMA, "<userId:2>": USERS.sandra.id }),
  },
  "webhook-booking-rescheduled.json": {
    eventTypes: ["A"],
    receiver: true,
    async prepare(w) {
      await webhooks(w);
      const b = await book(w, w.et.A, "2027-01-18T09:00:00.000Z", MONA, meta("9800", "9801"));
      return { "<uid:1>": b.uid, "<bookingId:2>": b.id, ...salon, ...ids(w, { "<eventTypeId:1>": "A" }), ...EMMA };
    },
  },
  "webhook-booking-cancelled.json": {
    eventTypes: ["A"],
    receiver: true,
    async prepare(w) {
      await webhooks(w);
      const old = await book(w, w.et.A, "2027-01-18T09:00:00.000Z", MONA, meta("9800", "9801"));
      const moved = await w.call("POST", `/v2/bookings/${old.uid}/reschedule`, {
        version: "2024-08-13",
        body: {
          start: "2027-01-18T10:00:00.000Z",
          rescheduledBy: "sync@slotdesk.app",
          reschedulingReason: "Termin in SlotDesk verschoben",
        },
      });
      return {
        "<uid:1>": moved.body.data.uid,
        "<bookingId:1>": moved.body.data.id,
        "<uid:2>": old.uid,
        ...salon,
        ...ids(w, { "<eventTypeId:1>": "A" }),
        ...EMMA,
      };
    },
  },
};
