import { pipeValidationError, type ValidationErrorItem } from "./errors";
import { parseIsoLoose } from "./time";
import type { SimBooking } from "./types";

/** GetBookingsInput_2024_08_13: query parsing with the global ValidationPipe's error format. */

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
const NUMBERS = new Set(["take", "skip"]);

export type BookingsQuery = {
  statuses: string[];
  dates: Array<[(b: SimBooking, d: number) => boolean, number]>;
  sorts: Array<[keyof SimBooking, 1 | -1]>;
  take: number;
  skip: number;
  eventTypeIds: number[];
  attendeeEmail?: string | undefined;
  attendeeName?: string | undefined;
  bookingUid?: string | undefined;
};

const list = (raw: string | null) =>
  (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function parseBookingsQuery(q: URLSearchParams): BookingsQuery {
  const target = Object.fromEntries([...q].map(([k, v]) => [k, NUMBERS.has(k) ? Number(v) : v]));
  const errors: ValidationErrorItem[] = [];
  const fail = (property: string, constraint: string, message: string) =>
    errors.push({ target, value: target[property], property, children: [], constraints: { [constraint]: message } });
  const int = (name: string, def: number, min: number, max: number) => {
    const raw = q.get(name);
    if (raw === null || raw === "") return def;
    const n = Number(raw);
    if (!Number.isInteger(n)) fail(name, "isInt", `${name} must be an integer number`);
    else if (n < min) fail(name, "min", `${name} must not be less than ${min}`);
    else if (n > max) fail(name, "max", `${name} must not be greater than ${max}`);
    return n;
  };
  const statuses = list(q.get("status"));
  if (statuses.some((s) => !(STATUSES as readonly string[]).includes(s))) {
    fail("status", "isIn", `Invalid status. Allowed are ${STATUSES.join(", ")}`);
  }
  const dates: BookingsQuery["dates"] = [];
  for (const [name, test] of Object.entries(DATE_FILTERS)) {
    const raw = q.get(name);
    if (raw === null) continue;
    const d = parseIsoLoose(raw);
    if (!d) fail(name, "isISO8601", `${name} must be a valid ISO 8601 date string`);
    else dates.push([test, d.getTime()]);
  }
  const sorts: BookingsQuery["sorts"] = [];
  for (const [name, field] of Object.entries(SORTS)) {
    const raw = q.get(name);
    if (raw === null) continue;
    if (raw !== "asc" && raw !== "desc") fail(name, "isEnum", `${name} must be one of the following values: asc, desc`);
    else sorts.push([field, raw === "asc" ? 1 : -1]);
  }
  const take = int("take", 100, 1, 250);
  const skip = int("skip", 0, 0, Number.MAX_SAFE_INTEGER);
  const eventTypeIds = [...list(q.get("eventTypeIds")), ...list(q.get("eventTypeId"))].map(Number);
  if (eventTypeIds.some((n) => !Number.isInteger(n)))
    fail("eventTypeIds", "isInt", "each value in eventTypeIds must be an integer number");
  if (errors.length) throw pipeValidationError(errors);
  return {
    statuses,
    dates,
    sorts,
    take,
    skip,
    eventTypeIds,
    attendeeEmail: q.get("attendeeEmail")?.replace(/ /g, "+").toLowerCase(),
    attendeeName: q.get("attendeeName")?.toLowerCase(),
    bookingUid: q.get("bookingUid") ?? undefined,
  };
}
