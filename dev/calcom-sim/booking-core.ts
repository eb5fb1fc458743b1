import { checkBookingFields, bookingResponses } from "./booking-fields";
import type { SimCore } from "./context";
import { SimHttpError, badRequest, MSG, notFound } from "./errors";
import { bookingLocation, isManagedParent, isTeamEventType, lengthOptions } from "./event-types";
import { withinSchedule } from "./schedule";
import type { SimStore } from "./store";
import { teamOf } from "./teams";
import { addMinutes, newUid } from "./time";
import type { SimAttendee, SimBooking, SimEventType } from "./types";

/**
 * Booking rules shared by the API and the seeding helpers. Creating is two steps, as in Cal.com:
 * `planBooking` checks the request against what is committed, `commitBooking` inserts, guarded only
 * by the unique idempotency key (start, end, organizer) among accepted bookings.
 */

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
  const free = (id: number) =>
    withinSchedule(store.user(id), start, end) && !busy(store, et.accountKey, id, start, end, excludeUid);
  if (et.schedulingType === "collective") return ids.length && ids.every(free) ? ids : undefined;
  const first = ids.find(free);
  return first === undefined ? undefined : [first];
}

/** Event type lookup in Cal.com's order: exists (404) → managed parent (400) → team without hosts (422). */
export function bookableEventType(store: SimStore, id: number): SimEventType {
  const et = store.eventTypes.get(id);
  if (!et) throw notFound(MSG.eventTypeNotFoundForBooking(id));
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
  /** Booker rules: the API checks the booking fields and the minimum notice, the seeding helpers do not. */
  checkFields?: boolean;
  enforceNotice?: boolean;
  /** Cal.com words a reschedule conflict as "User either …" even on team event types. */
  conflictMessage?: string;
  allowConflicts?: boolean;
  allowPast?: boolean;
  excludeUid?: string;
  extra?: Partial<SimBooking>;
};

export type BookingPlan = { input: NewBooking; end: Date; hosts: number[] };

export function planBooking(core: SimCore, input: NewBooking): BookingPlan {
  const { et, start, attendee } = input;
  const end = addMinutes(start, input.lengthInMinutes ?? et.lengthInMinutes);
  if (input.checkFields) checkBookingFields(attendee);
  const now = core.now().getTime();
  if (!input.allowPast && start.getTime() < now) throw badRequest(MSG.past);
  const notice = (et.minimumBookingNotice ?? 0) * 60_000;
  if (input.enforceNotice && start.getTime() < now + notice) throw badRequest(MSG.tooSoon);
  let hosts = freeHosts(core.store, et, start, end, input.excludeUid);
  if (!hosts && input.allowConflicts) hosts = et.hosts.slice(0, 1).map((h) => h.userId);
  if (!hosts) throw badRequest(input.conflictMessage ?? (isTeamEventType(et) ? MSG.teamTaken : MSG.taken));
  return { input, end, hosts };
}

/** Inserts a planned booking (no webhook — callers decide the trigger). 409 in Nest's shape on a key clash. */
export function commitBooking(core: SimCore, plan: BookingPlan): SimBooking {
  const { input, end, hosts } = plan;
  const { et, start, attendee } = input;
  const store = core.store;
  for (const b of store.bookings.values()) {
    if (
      b.accountKey === et.accountKey &&
      b.status === "accepted" &&
      b.uid !== input.excludeUid &&
      b.start === start.toISOString() &&
      b.end === end.toISOString() &&
      b.hostUserIds[0] === hosts[0]
    ) {
      throw new SimHttpError(409, MSG.conflict, { plain: true });
    }
  }
  const now = core.now().toISOString();
  const booking: SimBooking = {
    id: store.nextBookingId(),
    uid: newUid(),
    accountKey: et.accountKey,
    eventTypeId: et.id,
    title: input.title ?? `${et.title} between ${organizerLabel(store, et, hosts[0]!)} and ${attendee.name}`,
    hostUserIds: hosts,
    status: "accepted",
    start: start.toISOString(),
    end: end.toISOString(),
    attendees: [attendee],
    metadata: { ...(input.metadata ?? {}) },
    bookingFieldsResponses: bookingResponses(attendee, input.guests, input.bookingFieldsResponses),
    createdAt: now,
    updatedAt: now,
    source: input.source,
    ...(input.guests?.length ? { guests: input.guests } : {}),
    ...((input.location ?? bookingLocation(et)) ? { location: input.location ?? bookingLocation(et) } : {}),
    ...input.extra,
  };
  store.bookings.set(booking.uid, booking);
  store.changed();
  return booking;
}

export const insertBooking = (core: SimCore, input: NewBooking) => commitBooking(core, planBooking(core, input));

/** Team event types are booked "between <team> and <attendee>", others between organizer and attendee. */
function organizerLabel(store: SimStore, et: SimEventType, organizerId: number): string {
  const team = isTeamEventType(et) ? teamOf(store, et) : undefined;
  return team?.name ?? store.user(organizerId).name;
}

export const findBooking = (store: SimStore, uid: string): SimBooking | undefined => store.bookings.get(uid);
