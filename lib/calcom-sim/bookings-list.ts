import { bookingOutput } from "./booking-output";
import { type RouteCtx, type RouteResult, requireAccount } from "./context";
import { MSG, SimHttpError, validationError } from "./errors";
import { parseIsoLoose } from "./time";
import type { SimBooking } from "./types";

/** GET /v2/bookings — filters and offset pagination of reference §2.3 (2024-08-13 shape). */

const STATUSES = ["upcoming", "recurring", "past", "cancelled", "unconfirmed"] as const;
const DATE_FILTERS = {
  afterStart: (b: SimBooking, d: number) => Date.parse(b.start) >= d,
  beforeEnd: (b: SimBooking, d: number) => Date.parse(b.end) <= d,
  afterCreatedAt: (b: SimBooking, d: number) => Date.parse(b.createdAt) >= d,
  beforeCreatedAt: (b: SimBooking, d: number) => Date.parse(b.createdAt) <= d,
  afterUpdatedAt: (b: SimBooking, d: number) => Date.parse(b.updatedAt) >= d,
  beforeUpdatedAt: (b: SimBooking, d: number) => Date.parse(b.updatedAt) <= d,
};
const SORTS = { sortStart: "start", sortEnd: "end", sortCreated: "createdAt", sortUpdatedAt: "updatedAt" } as const;

function int(q: URLSearchParams, name: string, def: number, min: number, max: number, errors: Issue[]): number {
  const raw = q.get(name);
  if (raw === null || raw === "") return def;
  const n = Number(raw);
  if (!Number.isInteger(n)) errors.push({ prop: name, message: `${name} must be an integer number` });
  else if (n < min) errors.push({ prop: name, message: `${name} must not be less than ${min}` });
  else if (n > max) errors.push({ prop: name, message: `${name} must not be greater than ${max}` });
  return n;
}
type Issue = { prop: string; message: string };
const list = (raw: string | null) => (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export function listBookingsRoute(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const { store } = ctx.core;
  const q = ctx.url.searchParams;
  const errors: Issue[] = [];
  const statuses = list(q.get("status"));
  if (statuses.some((s) => !(STATUSES as readonly string[]).includes(s))) {
    errors.push({ prop: "status", message: "Invalid status. Allowed are upcoming, recurring, past, cancelled, unconfirmed" });
  }
  const dates: Array<[(b: SimBooking, d: number) => boolean, number]> = [];
  for (const [name, test] of Object.entries(DATE_FILTERS)) {
    const raw = q.get(name);
    if (raw === null) continue;
    const d = parseIsoLoose(raw);
    if (!d) errors.push({ prop: name, message: `${name} must be a valid ISO 8601 date string` });
    else dates.push([test, d.getTime()]);
  }
  const sorts: Array<[keyof SimBooking, 1 | -1]> = [];
  for (const [name, field] of Object.entries(SORTS)) {
    const raw = q.get(name);
    if (raw === null) continue;
    if (raw !== "asc" && raw !== "desc") errors.push({ prop: name, message: `${name[0]!.toUpperCase()}${name.slice(1)} must be either "asc" or "desc".` });
    else sorts.push([field, raw === "asc" ? 1 : -1]);
  }
  const take = int(q, "take", 100, 1, 250, errors);
  const skip = int(q, "skip", 0, 0, Number.MAX_SAFE_INTEGER, errors);
  const idsRaw = [...list(q.get("eventTypeIds")), ...list(q.get("eventTypeId"))];
  const ids = idsRaw.map(Number);
  if (ids.some((n) => !Number.isInteger(n))) errors.push({ prop: "eventTypeIds", message: "eventTypeIds must be a list of integers" });
  if (errors.length) throw validationError(errors);

  let eventTypeIds: Set<number> | undefined;
  if (ids.length) {
    eventTypeIds = new Set();
    for (const id of ids) {
      const et = store.eventTypes.get(id);
      if (!et || et.accountKey !== account.apiKey) throw new SimHttpError(400, MSG.eventTypesDoNotExist, { code: "TRPCError", details: null });
      eventTypeIds.add(id);
      for (const child of store.eventTypes.values()) if (child.parentEventTypeId === id) eventTypeIds.add(child.id);
    }
  }
  const now = ctx.core.now().getTime();
  const email = q.get("attendeeEmail")?.replace(/ /g, "+").toLowerCase();
  const name = q.get("attendeeName")?.toLowerCase();
  const uid = q.get("bookingUid");
  const active = (b: SimBooking) => b.status !== "cancelled";
  const statusTest: Record<string, (b: SimBooking) => boolean> = {
    upcoming: (b) => Date.parse(b.end) >= now && active(b),
    past: (b) => Date.parse(b.end) <= now && active(b),
    cancelled: (b) => b.status === "cancelled",
    unconfirmed: () => false, // the simulator has no pending bookings
    recurring: () => false, // nor recurring ones
  };
  const rows = store.accountBookings(account.apiKey).filter(
    (b) =>
      (!statuses.length || statuses.some((s) => statusTest[s]!(b))) &&
      (!eventTypeIds || eventTypeIds.has(b.eventTypeId)) &&
      (!email || b.attendees.some((a) => a.email.toLowerCase() === email)) &&
      (!name || b.attendees.some((a) => a.name.toLowerCase().includes(name))) &&
      (!uid || b.uid === uid) &&
      dates.every(([test, d]) => test(b, d)),
  );
  if (!sorts.length) {
    const single = statuses.length === 1 ? statuses[0] : undefined;
    sorts.push(["start", single === "past" || single === "cancelled" ? -1 : 1]);
  }
  rows.sort((a, b) => {
    for (const [field, dir] of sorts) {
      const diff = Date.parse(String(a[field])) - Date.parse(String(b[field]));
      if (diff) return diff * dir;
    }
    return a.id - b.id;
  });
  const page = rows.slice(skip, skip + take);
  const total = rows.length;
  return {
    status: 200,
    body: {
      status: "success",
      data: page.map((b) => bookingOutput(store, b)),
      pagination: {
        totalItems: total,
        remainingItems: Math.max(0, total - skip - page.length),
        itemsReturned: page.length,
        itemsPerPage: take,
        currentPage: total === 0 ? 0 : Math.floor(skip / take) + 1,
        totalPages: Math.ceil(total / take),
        hasNextPage: skip + page.length < total,
        hasPreviousPage: skip > 0,
      },
    },
  };
}
