import { bookingOutput } from "./booking-output";
import { cancelBookingSchema, createBookingSchema, locationText, rescheduleBookingSchema } from "./booking-input";
import { bookableEventType, checkLength, commitBooking, findBooking, planBooking } from "./booking-core";
import { cancelBooking, rescheduleBooking } from "./booking-lifecycle";
import { type RouteCtx, type RouteResult, success } from "./context";
import { badRequest, MSG, notFound } from "./errors";
import { parseIsoDateTime } from "./time";
import { parseBody } from "./http";

/**
 * POST /v2/bookings, GET /v2/bookings/{uid}, POST …/cancel, POST …/reschedule (2024-08-13). Auth is
 * optional on all four: event type ids and booking uids work for any key, or none.
 */

export async function createBookingRoute(ctx: RouteCtx): Promise<RouteResult> {
  const { core } = ctx;
  const body = parseBody(createBookingSchema, ctx.body);
  if (!body.eventTypeId) throw badRequest(MSG.eventLookup);
  const et = bookableEventType(core.store, body.eventTypeId);
  checkLength(et, body.lengthInMinutes);
  const { attendee } = body;
  const plan = planBooking(core, {
    et,
    start: parseIsoDateTime(body.start)!,
    lengthInMinutes: body.lengthInMinutes,
    attendee: {
      name: attendee.name,
      email: attendee.email ?? "",
      timeZone: attendee.timeZone,
      language: attendee.language ?? "en",
      ...(attendee.phoneNumber ? { phoneNumber: attendee.phoneNumber } : {}),
    },
    metadata: body.metadata,
    guests: body.guests,
    location: locationText(body.location, body.meetingUrl),
    bookingFieldsResponses: body.bookingFieldsResponses,
    source: "api",
    checkFields: true,
    enforceNotice: true,
  });
  const gate = core.commits.pass();
  if (gate) await gate;
  const booking = commitBooking(core, plan);
  core.webhooks.emit("BOOKING_CREATED", booking);
  // Seed 000: Cal.com stored the booking yet answered 400 "not available".
  if (core.faults.take("createThen400")) {
    ctx.fault = "createThen400";
    throw badRequest(MSG.taken);
  }
  return success(bookingOutput(core.store, booking), 201);
}

export function getBookingRoute(ctx: RouteCtx): RouteResult {
  const uid = ctx.params.uid ?? "";
  const booking = findBooking(ctx.core.store, uid);
  if (!booking) throw notFound(MSG.bookingNotFound(uid));
  return success(bookingOutput(ctx.core.store, booking));
}

export function cancelBookingRoute(ctx: RouteCtx): RouteResult {
  const body = parseBody(cancelBookingSchema, ctx.body);
  const uid = ctx.params.uid ?? "";
  const booking = findBooking(ctx.core.store, uid);
  if (!booking) throw notFound(MSG.cancelNotFound(uid));
  cancelBooking(ctx.core, booking, body.cancellationReason);
  return success(bookingOutput(ctx.core.store, booking));
}

export function rescheduleBookingRoute(ctx: RouteCtx): RouteResult {
  const body = parseBody(rescheduleBookingSchema, ctx.body);
  const uid = ctx.params.uid ?? "";
  const old = findBooking(ctx.core.store, uid);
  if (!old) throw notFound(MSG.bookingNotFound(uid));
  const next = rescheduleBooking(ctx.core, old, {
    start: parseIsoDateTime(body.start)!,
    reason: body.reschedulingReason,
    rescheduledBy: body.rescheduledBy,
    enforceNotice: true,
  });
  return success(bookingOutput(ctx.core.store, next), 201);
}
