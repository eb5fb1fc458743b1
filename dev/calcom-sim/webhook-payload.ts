import { randomUUID } from "node:crypto";
import { isTeamEventType } from "./event-types";
import type { SimStore } from "./store";
import { teamOf } from "./teams";
import { offsetMinutes } from "./time";
import type { SimBooking, SimEventType } from "./types";

/**
 * Body of a webhook delivery as recorded: `{triggerEvent, createdAt, payload}`. BOOKING_CREATED and
 * BOOKING_RESCHEDULED share one payload (the latter adds the old booking's keys); BOOKING_CANCELLED
 * has its own, without `metadata`.
 */

export type WebhookTrigger = "BOOKING_CREATED" | "BOOKING_CANCELLED" | "BOOKING_RESCHEDULED";

const CAL_VIDEO = "integrations:daily";
const seconds = (iso: string) => iso.replace(/\.\d{3}Z$/, "Z");
const plusZero = (iso: string) => iso.replace(/\.\d{3}Z$/, "+00:00");
const schedulingType = (et: SimEventType | undefined) =>
  et?.schedulingType ? et.schedulingType.replace(/([A-Z])/g, "_$1").toUpperCase() : null;

const hidden = (label: string, isHidden = false) => ({ label, isHidden });
function responses(b: SimBooking, withValues: boolean) {
  const a = b.attendees[0];
  const value = <T>(v: T) => (withValues ? { value: v } : {});
  return {
    ...(withValues && a?.phoneNumber
      ? { attendeePhoneNumber: { label: "phone_number", value: a.phoneNumber, isHidden: true } }
      : {}),
    name: { label: "your_name", ...(a ? { value: a.name } : {}), isHidden: false },
    email: { label: "email_address", ...(a ? { value: a.email } : {}), isHidden: false },
    location: { label: "location", ...value({ value: b.location ?? "", optionValue: "" }), isHidden: false },
    title: hidden("what_is_this_meeting_about", true),
    notes: hidden("additional_notes"),
    guests: hidden("additional_guests"),
    rescheduleReason: hidden("reason_for_reschedule"),
  };
}

function people(store: SimStore, b: SimBooking) {
  const startDate = new Date(b.start);
  const organizer = store.user(b.hostUserIds[0] ?? 0);
  return {
    organizer: {
      id: organizer.id,
      name: organizer.name,
      email: organizer.email,
      username: organizer.username,
      timeZone: organizer.timeZone,
      language: { locale: organizer.locale ?? "en" },
      timeFormat: "h:mma",
      utcOffset: offsetMinutes(startDate, organizer.timeZone),
    },
    attendees: b.attendees.map((a) => ({
      email: a.email,
      name: a.name,
      ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
      timeZone: a.timeZone,
      language: { locale: a.language },
      utcOffset: offsetMinutes(startDate, a.timeZone),
    })),
  };
}

function team(store: SimStore, et: SimEventType | undefined) {
  const t = et && isTeamEventType(et) ? teamOf(store, et) : undefined;
  return t ? { team: { members: [], name: t.name, id: t.id } } : {};
}

const length = (b: SimBooking) => Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60_000);

function bookedPayload(store: SimStore, b: SimBooking, old: SimBooking | undefined) {
  const et = store.eventTypes.get(b.eventTypeId);
  const { organizer, attendees } = people(store, b);
  const video = b.location === CAL_VIDEO;
  return {
    bookerUrl: "https://cal.com",
    title: b.title,
    startTime: seconds(b.start),
    endTime: seconds(b.end),
    additionalNotes: "",
    type: et?.slug ?? "",
    description: b.description ?? "",
    eventTypeId: b.eventTypeId,
    hideCalendarNotes: false,
    hideCalendarEventDetails: false,
    hideOrganizerEmail: false,
    schedulingType: schedulingType(et),
    seatsPerTimeSlot: null,
    seatsShowAttendees: true,
    seatsShowAvailabilityCount: true,
    customReplyToEmail: null,
    disableRescheduling: false,
    disableCancelling: false,
    organizer,
    attendees: attendees.map(({ email, name, phoneNumber, ...rest }) => ({
      email,
      name,
      phoneNumber,
      firstName: "",
      lastName: "",
      ...rest,
    })),
    customInputs: {},
    responses: responses(b, true),
    userFieldsResponses: {},
    location: b.location ?? "",
    destinationCalendar: [],
    iCalUID: `${b.iCalUid ?? b.uid}@Cal.com`,
    iCalSequence: b.iCalSequence ?? 0,
    requiresConfirmation: false,
    oneTimePassword: null,
    hashedLink: null,
    ...team(store, et),
    uid: b.uid,
    ...(old && video ? { videoCallData: { type: "daily_video", id: null, password: null, url: null } } : {}),
    ...(old ? { rescheduledBy: b.rescheduledBy ?? organizer.email } : {}),
    ...(video ? { conferenceData: { createRequest: { requestId: randomUUID() } } } : {}),
    ...(old && video
      ? { appsStatus: [{ appName: "Cal Video", type: "daily_video", success: 0, failures: 1, errors: [] }] }
      : {}),
    eventTitle: et?.title ?? "",
    eventDescription: et?.description ?? null,
    price: 0,
    currency: "usd",
    length: length(b),
    bookingId: b.id,
    ...(old
      ? {
          rescheduleId: old.id,
          rescheduleUid: old.uid,
          rescheduleStartTime: seconds(old.start),
          rescheduleEndTime: seconds(old.end),
        }
      : {}),
    metadata: b.metadata,
    status: b.status.toUpperCase(),
  };
}

function cancelledPayload(store: SimStore, b: SimBooking) {
  const et = store.eventTypes.get(b.eventTypeId);
  const { organizer, attendees } = people(store, b);
  return {
    bookerUrl: "https://cal.com",
    title: b.title,
    length: length(b),
    type: et?.slug ?? "",
    additionalNotes: "",
    description: b.description ?? "",
    customInputs: {},
    eventTypeId: b.eventTypeId,
    userFieldsResponses: {},
    responses: responses(b, false),
    startTime: plusZero(b.start),
    endTime: plusZero(b.end),
    organizer,
    attendees,
    uid: b.uid,
    bookingId: b.id,
    location: b.location ?? "",
    destinationCalendar: [],
    cancellationReason: b.cancellationReason ?? "",
    ...team(store, et),
    seatsPerTimeSlot: null,
    seatsShowAttendees: false,
    iCalUID: `${b.iCalUid ?? b.uid}@Cal.com`,
    iCalSequence: b.iCalSequence ?? 0,
    hideOrganizerEmail: false,
    customReplyToEmail: null,
    organizationId: null,
    eventTitle: et?.title ?? "",
    eventDescription: et?.description ?? null,
    requiresConfirmation: null,
    price: null,
    currency: "usd",
    status: "CANCELLED",
    requestReschedule: false,
  };
}

export function webhookBody(store: SimStore, trigger: WebhookTrigger, b: SimBooking, now: Date, old?: SimBooking) {
  const payload = trigger === "BOOKING_CANCELLED" ? cancelledPayload(store, b) : bookedPayload(store, b, old);
  return { triggerEvent: trigger, createdAt: now.toISOString(), payload };
}
