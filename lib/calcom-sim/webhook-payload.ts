import type { SimStore } from "./store";
import { offsetMinutes } from "./time";
import type { SimBooking } from "./types";

/** Body of a webhook delivery (reference §6): `{triggerEvent, createdAt, payload}`, status UPPERCASE. */

export type WebhookTrigger = "BOOKING_CREATED" | "BOOKING_CANCELLED" | "BOOKING_RESCHEDULED";

export function webhookBody(store: SimStore, trigger: WebhookTrigger, b: SimBooking, now: Date, old?: SimBooking) {
  const et = store.eventTypes.get(b.eventTypeId);
  const organizer = store.user(b.hostUserIds[0] ?? 0);
  const startDate = new Date(b.start);
  const attendees = b.attendees.map((a) => ({
    name: a.name,
    email: a.email,
    timeZone: a.timeZone,
    language: { locale: a.language },
    utcOffset: offsetMinutes(startDate, a.timeZone),
    ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
  }));
  const responses = Object.fromEntries(
    Object.entries(b.bookingFieldsResponses).map(([key, value]) => [key, { label: key, value }]),
  );
  const payload: Record<string, unknown> = {
    type: et?.slug ?? "",
    title: b.title,
    description: b.description ?? "",
    additionalNotes: "",
    customInputs: {},
    startTime: b.start,
    endTime: b.end,
    organizer: {
      id: organizer.id,
      name: organizer.name,
      email: organizer.email,
      username: organizer.username,
      timeZone: organizer.timeZone,
      language: { locale: "en" },
      utcOffset: offsetMinutes(startDate, organizer.timeZone),
    },
    responses,
    userFieldsResponses: {},
    attendees,
    location: b.location ?? "",
    uid: b.uid,
    bookingId: b.id,
    eventTypeId: b.eventTypeId,
    eventTitle: et?.title ?? "",
    eventDescription: et?.description ?? "",
    length: Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60_000),
    metadata: b.metadata,
    status: b.status.toUpperCase(),
    iCalUID: `${b.uid}@Cal.com`,
  };
  if (trigger === "BOOKING_RESCHEDULED" && old) {
    Object.assign(payload, {
      rescheduleUid: old.uid,
      rescheduleId: old.id,
      rescheduleStartTime: old.start,
      rescheduleEndTime: old.end,
      rescheduledBy: organizer.email,
    });
  }
  if (trigger === "BOOKING_CANCELLED") {
    Object.assign(payload, { cancellationReason: b.cancellationReason ?? "", cancelledBy: organizer.email });
  }
  return { triggerEvent: trigger, createdAt: now.toISOString(), payload };
}
