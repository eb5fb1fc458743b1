import { planBooking, commitBooking } from "./booking-core";
import type { SimCore } from "./context";
import { badRequest, MSG, notFound } from "./errors";
import type { SimBooking } from "./types";

/** Cancel and reschedule (reference §2.5, §2.6, recordings), shared by the API and the external-change helpers. */

export function cancelBooking(core: SimCore, booking: SimBooking, reason?: string): SimBooking {
  if (booking.status === "cancelled") throw badRequest(MSG.alreadyCancelled(booking.uid));
  booking.status = "cancelled";
  if (reason) booking.cancellationReason = reason;
  booking.updatedAt = core.now().toISOString();
  booking.iCalSequence = (booking.iCalSequence ?? 0) + 1;
  core.store.changed();
  core.webhooks.emit("BOOKING_CANCELLED", booking);
  return booking;
}

/** Responses the new booking takes from its attendee rather than from the old booking. */
const FILLED_IN = new Set(["email", "attendeePhoneNumber", "name", "guests", "rescheduledReason"]);

export type Reschedule = {
  start: Date;
  reason?: string | undefined;
  rescheduledBy?: string | undefined;
  enforceNotice?: boolean;
};

/**
 * A new booking (new id and uid, the event type's default length, attendees, metadata and location
 * copied, same calendar identity); the old one becomes cancelled. Only the old booking's own time is
 * treated as free.
 */
export function rescheduleBooking(core: SimCore, old: SimBooking, r: Reschedule): SimBooking {
  if (old.status === "cancelled") {
    throw badRequest(
      old.rescheduled ? MSG.rescheduleRescheduled(old.uid, old.rescheduledToUid) : MSG.rescheduleCancelled(old.uid),
    );
  }
  const et = core.store.eventTypes.get(old.eventTypeId);
  if (!et) throw notFound(MSG.eventTypeNotFoundForBooking(old.eventTypeId));
  const custom = Object.fromEntries(Object.entries(old.bookingFieldsResponses).filter(([key]) => !FILLED_IN.has(key)));
  const plan = planBooking(core, {
    et,
    start: r.start,
    attendee: old.attendees[0]!,
    metadata: old.metadata,
    guests: old.guests,
    location: old.location,
    bookingFieldsResponses: { ...custom, ...(r.reason ? { rescheduledReason: r.reason } : {}) },
    title: old.title,
    source: "api",
    excludeUid: old.uid,
    enforceNotice: r.enforceNotice ?? false,
    conflictMessage: MSG.taken,
    extra: {
      rescheduledFromUid: old.uid,
      attendees: structuredClone(old.attendees),
      iCalUid: old.iCalUid ?? old.uid,
      iCalSequence: (old.iCalSequence ?? 0) + 1,
      ...(r.reason ? { reschedulingReason: r.reason } : {}),
      ...(r.rescheduledBy ? { rescheduledBy: r.rescheduledBy } : {}),
    },
  });
  const next = commitBooking(core, plan);
  old.status = "cancelled";
  old.rescheduled = true;
  old.rescheduledToUid = next.uid;
  if (r.rescheduledBy) old.rescheduledBy = r.rescheduledBy;
  old.updatedAt = core.now().toISOString();
  core.store.changed();
  core.webhooks.emit("BOOKING_RESCHEDULED", next, old);
  return next;
}
