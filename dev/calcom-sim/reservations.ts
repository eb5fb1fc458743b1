import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type RouteCtx, type RouteResult, success } from "./context";
import { MSG, notFound, SimHttpError } from "./errors";
import { parseBody } from "./http";
import { addMinutes, parseIsoDateTime } from "./time";
import type { SimReservation } from "./types";

/**
 * /v2/slots/reservations (2024-09-04). A reservation only hides its slot from GET /v2/slots until
 * `reservationUntil`; POST /v2/bookings ignores it. A custom `reservationDuration` needs auth.
 */

const DEFAULT_RESERVATION_MINUTES = 5;

const reserveBody = z.object({
  eventTypeId: z.number({ error: "eventTypeId must be an integer number" }).int(),
  slotStart: z
    .string()
    .refine((v) => parseIsoDateTime(v) !== undefined, "slotStart must be a valid ISO 8601 date string"),
  slotDuration: z.number({ error: "slotDuration must be an integer number" }).int().min(1).optional(),
  reservationDuration: z.number({ error: "reservationDuration must be an integer number" }).int().min(1).optional(),
});

const view = (r: SimReservation) => ({
  reservationUid: r.uid,
  eventTypeId: r.eventTypeId,
  slotStart: r.slotStart,
  slotEnd: r.slotEnd,
  slotDuration: r.slotDuration,
  reservationUntil: r.reservationUntil,
});

export function reserveSlot(ctx: RouteCtx): RouteResult {
  const body = parseBody(reserveBody, ctx.body);
  if (body.reservationDuration !== undefined && !ctx.account) throw new SimHttpError(401, MSG.reservationAuth);
  const et = ctx.core.store.eventTypes.get(body.eventTypeId);
  if (!et) throw notFound(MSG.eventTypeNotFound(body.eventTypeId));
  const start = parseIsoDateTime(body.slotStart)!;
  const slotDuration = body.slotDuration ?? et.lengthInMinutes;
  const reservationDuration = body.reservationDuration ?? DEFAULT_RESERVATION_MINUTES;
  const r: SimReservation = {
    uid: randomUUID(),
    eventTypeId: et.id,
    slotStart: start.toISOString(),
    slotEnd: addMinutes(start, slotDuration).toISOString(),
    slotDuration,
    reservationDuration,
    reservationUntil: addMinutes(ctx.core.now(), reservationDuration).toISOString(),
  };
  ctx.core.store.reservations.set(r.uid, r);
  const { reservationUid, reservationUntil, ...slot } = view(r);
  return success({ ...slot, reservationUid, reservationDuration, reservationUntil }, 201);
}

function find(ctx: RouteCtx): SimReservation {
  const r = ctx.core.store.reservations.get(ctx.params.uid ?? "");
  if (!r) throw notFound(`Reservation with uid=${ctx.params.uid} not found`);
  return r;
}

export const getReservation = (ctx: RouteCtx): RouteResult => success(view(find(ctx)));

export function deleteReservation(ctx: RouteCtx): RouteResult {
  ctx.core.store.reservations.delete(find(ctx).uid);
  return { status: 200, body: { status: "success" } };
}
