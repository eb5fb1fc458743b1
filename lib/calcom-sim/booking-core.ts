import type { SimCore } from "./context";
import { SimHttpError, badRequest, MSG, notFound } from "./errors";
import { isManagedParent, isTeamEventType, lengthOptions } from "./event-types";
import type { SimStore } from "./store";
import { addMinutes, newUid } from "./time";
import type { SimAttendee, SimBooking, SimEventType } from "./types";

/** Booking rules shared by the API and the seeding helpers: availability, creation, cancel, reschedule. */

function busy(store: SimStore, accountKey: string, userId: number, start: Date, end: Date, excludeUid?: string) {
  for (const b of store.bookings.values()) {
    if (b.accountKey !== accountKey || b.status !== "accepted" || b.uid === excludeUid) continue;
    if (!b.hostUserIds.includes(userId)) continue;
    if (Date.parse(b.start) < end.getTime() && start.getTime() < Date.parse(b.end)) return true;
  }
  return false;
}

/** Users the booking would occupy, or undefined when nobody suitable is free (collective: all hosts). */
export function freeHosts(store: SimStore, et: SimEventType, start: Date, end: Date, excludeUid?: string) {
  const ids = et.hosts.map((h) => h.userId);
  const free = (id: number) => !busy(store, et.accountKey, id, start, end, excludeUid);
  if (et.schedulingType === "collective") return ids.length && ids.every(free) ? ids : undefined;
  const first = ids.find(free);
  return first === undefined ? undefined : [first];
}

/** Event type lookup in Cal.com's order: exists (404) → managed parent (400) → team without hosts (422). */
export function bookableEventType(store: SimStore, accountKey: string, id: number): SimEventType {
  const et = store.eventTypes.get(id);
  if (!et || et.accountKey !== accountKey) throw notFound(MSG.eventTypeNotFoundForBooking(id));
  if (isManagedParent(et)) throw badRequest(MSG.managedParent(id));
  if (et.hosts.length === 0) throw new SimHttpError(422, MSG.noHosts);
  return et;
}

export function checkLength(et: SimEventType, lengthInMinutes: number | undefined): void {
  if (lengthInMinutes === undefined) return;
  const options = lengthOptions(et);
  if (!options) throw badRequest(MSG.singleLength);
  if (!options.includes(lengthInMinutes)) throw badRequest(MSG.lengthNotAllowed(options));
}

export type NewBooking = {
  et: SimEventType;
  start: Date;
  lengthInMinutes?: number | undefined;
  attendee: SimAttendee;
  metadata?: Record<string, unknown> | undefined;
  guests?: string[] | undefined;
  location?: string | undefined;
  bookingFieldsResponses?: Record<string, unknown> | undefined;
  title?: string | undefined;
  source: SimBooking["source"];
  allowConflicts?: boolean;
  allowPast?: boolean;
  excludeUid?: string;
  extra?: Partial<SimBooking>;
};

/** Validates availability and stores an accepted booking (no webhook — callers decide the trigger). */
export function insertBooking(core: SimCore, input: NewBooking): SimBooking {
  const { et, start, attendee } = input;
  const end = addMinutes(start, input.lengthInMinutes ?? et.lengthInMinutes);
  if (!input.allowPast && start.getTime() < core.now().getTime()) throw badRequest(MSG.past);
  const store = core.store;
  let hosts = freeHosts(store, et, start, end, input.excludeUid);
  if (!hosts && input.allowConflicts) hosts = et.hosts.slice(0, 1).map((h) => h.userId);
  if (!hosts) throw badRequest(isTeamEventType(et) ? MSG.teamTaken : MSG.taken);
  // Cal.com's only hard guard: unique idempotency key (start, end, organizer) among accepted bookings.
  for (const b of store.bookings.values()) {
    if (b.accountKey === et.accountKey && b.status === "accepted" && b.uid !== input.excludeUid
      && b.start === start.toISOString() && b.end === end.toISOString() && b.hostUserIds[0] === hosts[0]) {
      throw new SimHttpError(409, "booking_conflict", { plain: true });
    }
  }
  const organizer = store.user(hosts[0]!);
  const now = core.now().toISOString();
  const booking: SimBooking = {
    id: store.nextBookingId(),
    uid: newUid(),
    accountKey: et.accountKey,
    eventTypeId: et.id,
    title: input.title ?? `${et.title} between ${organizer.name} and ${attendee.name}`,
    hostUserIds: hosts,
    status: "accepted",
    start: start.toISOString(),
    end: end.toISOString(),
    attendees: [attendee],
    metadata: { ...(input.metadata ?? {}) },
    bookingFieldsResponses: {
      ...(input.bookingFieldsResponses ?? {}),
      name: attendee.name,
      email: attendee.email,
      ...(attendee.phoneNumber ? { attendeePhoneNumber: attendee.phoneNumber } : {}),
      ...(input.guests?.length ? { guests: input.guests } : {}),
    },
    createdAt: now,
    updatedAt: now,
    source: input.source,
    ...(input.guests?.length ? { guests: input.guests } : {}),
    ...(input.location ? { location: input.location } : {}),
    ...input.extra,
  };
  store.bookings.set(booking.uid, booking);
  store.changed();
  return booking;
}

export function findBooking(store: SimStore, accountKey: string | undefined, uid: string): SimBooking | undefined {
  const b = store.bookings.get(uid);
  return b && (accountKey === undefined || b.accountKey === accountKey) ? b : undefined;
}
