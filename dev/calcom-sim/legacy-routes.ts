import { findBooking } from "./booking-core";
import { cancelBooking as cancel } from "./booking-lifecycle";
import { type RouteCtx, type RouteResult, requireAccount, success } from "./context";
import { MSG, notFound, pipeValidationError, SimHttpError, type ValidationErrorItem } from "./errors";
import { canListBooking } from "./teams";
import { isValidTimeZone } from "./time";
import type { SimBooking } from "./types";

/**
 * The 2024-04-15 controllers a missing or unknown `cal-api-version` lands on, as far as recorded:
 * create validates its own body, get/list answer the old shapes (the list ignores the 2024-08-13
 * filters), cancel works, event types are served to their owner only. The rest is not simulated.
 */

const LIST_PAGE = 10;
/** The properties of the 2024-04-15 create DTO; anything else is stripped before validation. */
const CREATE_FIELDS = new Set([
  ...["end", "start", "eventTypeId", "eventTypeSlug", "rescheduleUid", "recurringEventId", "timeZone", "user"],
  ...["language", "bookingUid", "metadata", "hasHashedBookingLink", "hashedLink", "seatReferenceUid", "responses"],
]);

const notSimulated = (what: string) =>
  new SimHttpError(501, `calcom-sim: ${what} with cal-api-version 2024-04-15 is not simulated`);

export function createBooking(ctx: RouteCtx): RouteResult {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const target = Object.fromEntries(Object.entries(body).filter(([key]) => CREATE_FIELDS.has(key)));
  const errors: ValidationErrorItem[] = [];
  const check = (property: string, ok: boolean, constraint: string, message: string) => {
    if (!ok)
      errors.push({ target, value: body[property], property, children: [], constraints: { [constraint]: message } });
  };
  check("timeZone", isValidTimeZone(body.timeZone), "isTimeZone", "timeZone must be a valid IANA time-zone");
  check("language", typeof body.language === "string", "isString", "language must be a string");
  if (errors.length) throw pipeValidationError(errors);
  throw notSimulated("creating a booking");
}

function legacyBooking(ctx: RouteCtx, b: SimBooking) {
  const store = ctx.core.store;
  const user = store.user(b.hostUserIds[0] ?? 0);
  const et = store.eventTypes.get(b.eventTypeId);
  const { email, attendeePhoneNumber, name } = b.bookingFieldsResponses;
  return {
    title: b.title,
    id: b.id,
    uid: b.uid,
    description: b.description ?? "",
    customInputs: {},
    smsReminderNumber: null,
    recurringEventId: null,
    startTime: b.start,
    endTime: b.end,
    location: b.location ?? null,
    status: b.status.toUpperCase(),
    metadata: b.metadata,
    cancellationReason: b.cancellationReason ?? null,
    cancelledBy: null,
    responses: { name, email, ...(attendeePhoneNumber ? { attendeePhoneNumber } : {}) },
    rejectionReason: null,
    userPrimaryEmail: user.email,
    fromReschedule: b.rescheduledFromUid ?? null,
    rescheduled: b.rescheduled ?? null,
    rescheduledBy: b.rescheduledBy ?? null,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      username: user.username,
      timeZone: user.timeZone,
      avatarUrl: null,
    },
    attendees: b.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      timeZone: a.timeZone,
      ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
    })),
    eventTypeId: b.eventTypeId,
    eventType: {
      eventName: null,
      slug: et?.slug ?? "",
      timeZone: null,
      schedulingType: et?.schedulingType?.toUpperCase() ?? null,
      hideOrganizerEmail: false,
    },
    seatsReferences: [],
    tracking: null,
  };
}

export function getBooking(ctx: RouteCtx): RouteResult {
  const b = findBooking(ctx.core.store, ctx.params.uid ?? "");
  if (!b) throw notFound(MSG.bookingNotFound(ctx.params.uid ?? ""));
  return success(legacyBooking(ctx, b));
}

/** The caller's bookings by start, ten at a time; afterStart, beforeEnd, eventTypeIds … are not filters here. */
export function listBookings(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const store = ctx.core.store;
  const all = [...store.bookings.values()]
    .filter((b) => canListBooking(store, account, b))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const page = all
    .slice(0, LIST_PAGE)
    .map((b) => ({ ...legacyBooking(ctx, b), createdAt: b.createdAt, updatedAt: b.updatedAt }));
  return success({
    bookings: page,
    recurringInfo: [],
    totalCount: all.length,
    nextCursor: all.length > LIST_PAGE ? LIST_PAGE : null,
  });
}

export function cancelBooking(ctx: RouteCtx): RouteResult {
  const uid = ctx.params.uid ?? "";
  const b = findBooking(ctx.core.store, uid);
  if (!b) throw notFound(MSG.cancelNotFound(uid));
  const reason = (ctx.body as { cancellationReason?: unknown } | undefined)?.cancellationReason;
  cancel(ctx.core, b, typeof reason === "string" ? reason : undefined);
  return success({ bookingId: b.id, bookingUid: b.uid, onlyRemovedAttendee: false }, 201);
}

export function getEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const id = Number(ctx.params.id);
  const et = ctx.core.store.eventTypes.get(id);
  if (!et) throw notFound(MSG.eventTypeNotFound(ctx.params.id ?? ""));
  if (et.ownerId !== account.userId) throw new SimHttpError(403, MSG.legacyNotOwner(account.userId, id));
  throw notSimulated("reading an event type");
}
