import { insertBooking } from "./booking-core";
import type { SimCore } from "./context";
import { badRequest, MSG, notFound } from "./errors";
import type { SimBooking } from "./types";

/** Cancel and reschedule (reference §2.5, §2.6), shared by the API and the external-change helpers. */

export function cancelBooking(core: SimCore, booking: SimBooking, reason?: string): SimBooking {
  if (booking.status === "cancelled") throw badRequest(MSG.alreadyCancelled(booking.uid));
  booking.status = "cancelled";
  if (reason) booking.cancellationReason = reason;
  booking.updatedAt = core.now().toISOString();
  core.store.changed();
  core.webhooks.emit("BOOKING_CANCELLED", booking);
  return booking;
}

/** New booking (new id/uid, default event type length, metadata and attendees copied); old one cancelled. */
export function rescheduleBooking(core: SimCore, old: SimBooking, start: Date, reason?: string): SimBooking {
  if (old.status === "cancelled") {
    throw badRequest(old.rescheduled ? MSG.rescheduleRescheduled(old.uid, old.rescheduledToUid) : MSG.rescheduleCancelled(old.uid));
  }
  const et = core.store.eventTypes.get(old.eventTypeId);
  if (!et) throw notFound(MSG.eventTypeNotFoundForBooking(old.eventTypeId));
  const next = insertBooking(core, {
    et,
    start,
    attendee: old.attendees[0]!,
    metadata: old.metadata,
    guests: old.guests,
    location: old.location,
    bookingFieldsResponses: old.bookingFieldsResponses,
    source: "api",
    excludeUid: old.uid,
    extra: { rescheduledFromUid: old.uid, ...(reason ? { reschedulingReason: reason } : {}), attendees: structuredClone(old.attendees) },
  });
  old.status = "cancelled";
  old.rescheduled = true;
  old.rescheduledToUid = next.uid;
  if (reason) old.cancellationReason = reason;
  old.updatedAt = core.now().toISOString();
  core.store.changed();
  core.webhooks.emit("BOOKING_RESCHEDULED", next, old);
  return next;
}
