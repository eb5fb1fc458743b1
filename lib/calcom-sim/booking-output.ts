import type { SimStore } from "./store";
import type { SimBooking } from "./types";

/** BookingOutput_2024_08_13 (reference §2.2): key order of the class, empty optional keys omitted. */
export function bookingOutput(store: SimStore, b: SimBooking): Record<string, unknown> {
  const host = store.user(b.hostUserIds[0] ?? 0);
  const et = store.eventTypes.get(b.eventTypeId);
  const start = Date.parse(b.start);
  const end = Date.parse(b.end);
  const opt = <T>(key: string, value: T | undefined | null) =>
    value === undefined || value === null || value === "" ? {} : { [key]: value };
  return {
    id: b.id,
    uid: b.uid,
    title: b.title,
    ...opt("description", b.description),
    hosts: [
      {
        id: host.id,
        name: host.name,
        email: host.email,
        displayEmail: host.email,
        username: host.username,
        timeZone: host.timeZone,
      },
    ],
    status: b.status,
    ...opt("cancellationReason", b.cancellationReason),
    ...opt("reschedulingReason", b.reschedulingReason),
    ...opt("rescheduledFromUid", b.rescheduledFromUid),
    ...opt("rescheduledToUid", b.rescheduledToUid),
    start: b.start,
    end: b.end,
    duration: Math.round((end - start) / 60_000),
    eventTypeId: b.eventTypeId,
    eventType: { id: b.eventTypeId, slug: et?.slug ?? "" },
    ...opt("meetingUrl", b.location),
    ...opt("location", b.location),
    absentHost: false,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    metadata: b.metadata,
    icsUid: `${b.uid}@Cal.com`,
    attendees: b.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      displayEmail: a.email,
      timeZone: a.timeZone,
      language: a.language,
      absent: false,
      ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
    })),
    ...(b.guests?.length ? { guests: b.guests } : {}),
    bookingFieldsResponses: b.bookingFieldsResponses,
  };
}
