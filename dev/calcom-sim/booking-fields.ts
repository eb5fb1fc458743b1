import { codedBadRequest, MSG } from "./errors";
import type { SimAttendee, SimBooking } from "./types";

/**
 * Cal.com's booking-field check of the core booking handler. Event types have the default fields
 * (see DEFAULT_BOOKING_FIELDS): e-mail required, phone hidden. The e-mail rule is stricter than the
 * request DTO's: a non-ASCII local part passes the DTO and fails here.
 */

const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const ASCII_EMAIL = new RegExp(`^[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]+@${LABEL}(?:\\.${LABEL})+$`);

export function checkBookingFields(attendee: SimAttendee): void {
  if (!attendee.email) throw codedBadRequest(MSG.emailRequired);
  if (!ASCII_EMAIL.test(attendee.email)) throw codedBadRequest(MSG.emailInvalid);
}

/** The responses a booking stores: the default fields the attendee filled in, then custom ones. */
export function bookingResponses(attendee: SimAttendee, guests?: string[], custom: Record<string, unknown> = {}) {
  return {
    ...custom,
    email: attendee.email,
    ...(attendee.phoneNumber ? { attendeePhoneNumber: attendee.phoneNumber } : {}),
    name: attendee.name,
    ...(guests?.length ? { guests } : {}),
  };
}

/** `bookingFieldsResponses` as the booking output shows it. */
export const responsesOutput = (b: SimBooking) => ({
  ...b.bookingFieldsResponses,
  displayEmail: b.attendees[0]?.email ?? "",
});
