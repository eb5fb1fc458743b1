import { freeHosts } from "./booking-core";
import type { RouteCtx, RouteResult } from "./context";
import { badRequest, MSG, notFound, validationError } from "./errors";
import { isManagedParent } from "./event-types";
import { slotWindows } from "./schedule";
import type { SimStore } from "./store";
import { addMinutes, dateKey, isIsoDate, isoInZone, isValidTimeZone, parseIsoLoose, zonedToUtc } from "./time";
import type { SimEventType } from "./types";

/**
 * GET /v2/slots (2024-09-04, no auth), reference §4 and recordings: starts every `slotInterval ??
 * duration` minutes from the start of each working window of the hosts, free of bookings and of
 * live reservations, not before the minimum notice. Days without slots are left out.
 */

const ymd = (key: string) => key.split("-").map(Number) as [number, number, number];

function reserved(store: SimStore, et: SimEventType, start: Date, end: Date, now: number): boolean {
  const hosts = new Set(et.hosts.map((h) => h.userId));
  for (const r of store.reservations.values()) {
    if (Date.parse(r.reservationUntil) <= now) continue;
    const other = store.eventTypes.get(r.eventTypeId);
    if (!other || other.accountKey !== et.accountKey || !other.hosts.some((h) => hosts.has(h.userId))) continue;
    if (Date.parse(r.slotStart) < end.getTime() && start.getTime() < Date.parse(r.slotEnd)) return true;
  }
  return false;
}

function parseQuery(q: URLSearchParams) {
  const errors: Array<{ prop: string; message: string }> = [];
  const idRaw = q.get("eventTypeId");
  if (idRaw === null && q.get("eventTypeSlug")) throw badRequest("calcom-sim: slots are only simulated by eventTypeId");
  const id = Number(idRaw);
  if (!idRaw || !Number.isInteger(id))
    errors.push({
      prop: "eventTypeId",
      message: "eventTypeId must be a number conforming to the specified constraints",
    });
  for (const name of ["start", "end"]) {
    if (!parseIsoLoose(q.get(name)))
      errors.push({ prop: name, message: `${name} must be a valid ISO 8601 date string` });
  }
  const tz = q.get("timeZone");
  if (tz !== null && !isValidTimeZone(tz))
    errors.push({ prop: "timeZone", message: "timeZone must be a valid IANA time-zone" });
  const durationRaw = q.get("duration");
  const duration = durationRaw === null ? undefined : Number(durationRaw);
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 1)) {
    errors.push({ prop: "duration", message: "duration must be a number conforming to the specified constraints" });
  }
  const format = (q.get("format") ?? "").toLowerCase();
  if (format && format !== "range" && format !== "time")
    errors.push({ prop: "format", message: "slotFormat must be either 'range' or 'time'" });
  if (errors.length) throw validationError(errors);
  return { id, tz, duration, range: format === "range" };
}

export function slotsRoute(ctx: RouteCtx): RouteResult {
  const q = ctx.url.searchParams;
  const { id, tz: tzRaw, duration, range } = parseQuery(q);
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
  const rangeEnd = isIsoDate(endRaw)
    ? new Date(zonedToUtc(tz, ...ymd(endRaw), 23, 59).getTime() + 59_999)
    : parseIsoLoose(endRaw)!;
  const length = duration ?? et.lengthInMinutes;
  const step = et.slotInterval ?? length;
  const now = ctx.core.now().getTime();
  const earliest = now + (et.minimumBookingNotice ?? 0) * 60_000;
  const exclude = q.get("bookingUidToReschedule") ?? undefined;
  const starts = new Set<number>();
  for (const host of et.hosts) {
    for (const w of slotWindows(store.user(host.userId), rangeStart, rangeEnd, tz)) {
      for (let t = w.open; addMinutes(t, length) <= w.close; t = addMinutes(t, step)) {
        if (t >= rangeStart && t <= rangeEnd && t.getTime() >= earliest) starts.add(t.getTime());
      }
    }
  }
  const data: Record<string, Array<{ start: string; end?: string }>> = {};
  for (const ms of [...starts].sort((a, b) => a - b)) {
    const t = new Date(ms);
    const end = addMinutes(t, length);
    if (!freeHosts(store, et, t, end, exclude) || reserved(store, et, t, end, now)) continue;
    const item: { start: string; end?: string } = { start: isoInZone(t, tzRaw ?? undefined) };
    if (range) item.end = isoInZone(end, tzRaw ?? undefined);
    (data[dateKey(t, tz)] ??= []).push(item);
  }
  return { status: 200, body: { data, status: "success" } };
}
