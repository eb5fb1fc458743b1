import { freeHosts } from "./booking-core";
import type { RouteCtx, RouteResult } from "./context";
import { badRequest, MSG, notFound, validationError } from "./errors";
import { isManagedParent } from "./event-types";
import { addMinutes, dateKey, isIsoDate, isoInZone, isValidTimeZone, parseIsoLoose, zonedToUtc } from "./time";

/**
 * GET /v2/slots (2024-09-04, no auth), reference §4. Working hours 08:00–20:00 in the requested time
 * zone (default UTC), a start every `slotInterval ?? length` minutes, busy = overlapping accepted booking.
 */

const OPEN_HOUR = 8;
const CLOSE_HOUR = 20;
const MAX_DAYS = 366;

const ymd = (key: string) => key.split("-").map(Number) as [number, number, number];

export function slotsRoute(ctx: RouteCtx): RouteResult {
  const q = ctx.url.searchParams;
  const errors: Array<{ prop: string; message: string }> = [];
  const idRaw = q.get("eventTypeId");
  if (idRaw === null && q.get("eventTypeSlug")) throw badRequest("calcom-sim: slots are only simulated by eventTypeId");
  const id = Number(idRaw);
  if (!idRaw || !Number.isInteger(id)) errors.push({ prop: "eventTypeId", message: "eventTypeId must be a number conforming to the specified constraints" });
  for (const name of ["start", "end"]) {
    if (!parseIsoLoose(q.get(name))) errors.push({ prop: name, message: `${name} must be a valid ISO 8601 date string` });
  }
  const tzRaw = q.get("timeZone");
  if (tzRaw !== null && !isValidTimeZone(tzRaw)) errors.push({ prop: "timeZone", message: "timeZone must be a valid IANA time-zone" });
  const durationRaw = q.get("duration");
  const duration = durationRaw === null ? undefined : Number(durationRaw);
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 1)) {
    errors.push({ prop: "duration", message: "duration must be a number conforming to the specified constraints" });
  }
  const format = (q.get("format") ?? "").toLowerCase();
  if (format && format !== "range" && format !== "time") errors.push({ prop: "format", message: "slotFormat must be either 'range' or 'time'" });
  if (errors.length) throw validationError(errors);

  const { store } = ctx.core;
  const et = store.eventTypes.get(id);
  if (!et) throw notFound(MSG.slotsEventTypeNotFound);
  if (isManagedParent(et)) {
    throw badRequest(
      `Event type with id=${id} is the parent managed event type: slots can only be fetched for its child event types (one per assigned user).`,
    );
  }
  const tz = tzRaw ?? "UTC";
  const startRaw = q.get("start")!;
  const endRaw = q.get("end")!;
  const rangeStart = isIsoDate(startRaw) ? zonedToUtc(tz, ...ymd(startRaw), 0, 0) : parseIsoLoose(startRaw)!;
  const rangeEnd = isIsoDate(endRaw) ? new Date(zonedToUtc(tz, ...ymd(endRaw), 23, 59).getTime() + 59_999) : parseIsoLoose(endRaw)!;
  const length = duration ?? et.lengthInMinutes;
  const step = et.slotInterval ?? length;
  const now = ctx.core.now().getTime();
  const exclude = q.get("bookingUidToReschedule") ?? undefined;
  const data: Record<string, Array<{ start: string; end?: string }>> = {};
  let [y, m, d] = ymd(dateKey(rangeStart, tz));
  for (let i = 0; i < MAX_DAYS; i++) {
    const open = zonedToUtc(tz, y, m, d, OPEN_HOUR, 0);
    if (open.getTime() > rangeEnd.getTime()) break;
    const close = zonedToUtc(tz, y, m, d, CLOSE_HOUR, 0).getTime();
    for (let t = open; addMinutes(t, length).getTime() <= close; t = addMinutes(t, step)) {
      if (t < rangeStart || t > rangeEnd || t.getTime() < now) continue;
      if (!freeHosts(store, et, t, addMinutes(t, length), exclude)) continue;
      const item: { start: string; end?: string } = { start: isoInZone(t, tzRaw ?? undefined) };
      if (format === "range") item.end = isoInZone(addMinutes(t, length), tzRaw ?? undefined);
      (data[dateKey(t, tz)] ??= []).push(item);
    }
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    [y, m, d] = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
  }
  return { status: 200, body: { status: "success", data } };
}
