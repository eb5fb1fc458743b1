import { responsesOutput } from "./booking-fields";
import type { SimStore } from "./store";
import type { SimBooking } from "./types";

/** BookingOutput_2024_08_13 as recorded: key order of the class, `cancellationReason` "" until cancelled. */
export function bookingOutput(store: SimStore, b: SimBooking): Record<string, unknown> {
  const host = store.user(b.hostUserIds[0] ?? 0);
  const et = store.eventTypes.get(b.eventTypeId);
  const opt = <T>(key: string, value: T | undefined | null) =>
    value === undefined || value === null || value === "" ? {} : { [key]: value };
  return {
    id: b.id,
    uid: b.uid,
    title: b.title,
    description: b.description ?? "",
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
    cancellationReason: b.cancellationReason ?? "",
    cancelledByEmail: "",
    ...opt("reschedulingReason", b.reschedulingReason),
    rescheduledByEmail: b.rescheduledBy ?? null,
    ...opt("rescheduledFromUid", b.rescheduledFromUid),
    ...opt("rescheduledToUid", b.rescheduledToUid),
    start: b.start,
    end: b.end,
    duration: Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60_000),
    eventTypeId: b.eventTypeId,
    eventType: { id: b.eventTypeId, slug: et?.slug ?? "" },
    ...opt("meetingUrl", b.location),
    ...opt("location", b.location),
    absentHost: false,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    metadata: b.metadata,
    rating: null,
    icsUid: `${b.iCalUid ?? b.uid}@Cal.com`,
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
    bookingFieldsResponses: responsesOutput(b),
  };
}
