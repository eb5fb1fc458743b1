import { bookingOutput } from "./booking-output";
import { parseBookingsQuery } from "./bookings-list-query";
import { type RouteCtx, type RouteResult, requireAccount } from "./context";
import { MSG, SimHttpError } from "./errors";
import { instanceOf } from "./store";
import { canListBooking } from "./teams";
import type { SimBooking } from "./types";

/**
 * GET /v2/bookings (2024-08-13): the bookings the key's user may see (own, plus those of the teams
 * it administers), filtered — afterStart/beforeEnd keep bookings wholly inside the window — and
 * offset-paginated with `returnedItems`.
 */

export function listBookingsRoute(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const { store } = ctx.core;
  const q = parseBookingsQuery(ctx.url.searchParams);
  let eventTypeIds: Set<number> | undefined;
  if (q.eventTypeIds.length) {
    eventTypeIds = new Set();
    for (const id of q.eventTypeIds) {
      const et = store.eventTypes.get(id);
      if (!et || et.accountKey !== instanceOf(account))
        throw new SimHttpError(400, MSG.eventTypesDoNotExist, { code: "TRPCError", details: null });
      eventTypeIds.add(id);
      for (const child of store.eventTypes.values()) if (child.parentEventTypeId === id) eventTypeIds.add(child.id);
    }
  }
  const now = ctx.core.now().getTime();
  const active = (b: SimBooking) => b.status !== "cancelled";
  const statusTest: Record<string, (b: SimBooking) => boolean> = {
    upcoming: (b) => Date.parse(b.end) >= now && active(b),
    past: (b) => Date.parse(b.end) <= now && active(b),
    cancelled: (b) => b.status === "cancelled",
    unconfirmed: () => false, // the simulator has no pending bookings
    recurring: () => false, // nor recurring ones
  };
  const rows = [...store.bookings.values()].filter(
    (b) =>
      canListBooking(store, account, b) &&
      (!q.statuses.length || q.statuses.some((s) => statusTest[s]!(b))) &&
      (!eventTypeIds || eventTypeIds.has(b.eventTypeId)) &&
      (!q.attendeeEmail || b.attendees.some((a) => a.email.toLowerCase() === q.attendeeEmail)) &&
      (!q.attendeeName || b.attendees.some((a) => a.name.toLowerCase().includes(q.attendeeName!))) &&
      (!q.bookingUid || b.uid === q.bookingUid) &&
      q.dates.every(([test, d]) => test(b, d)),
  );
  const sorts = [...q.sorts];
  if (!sorts.length) {
    const single = q.statuses.length === 1 ? q.statuses[0] : undefined;
    sorts.push(["start", single === "past" || single === "cancelled" ? -1 : 1]);
  }
  rows.sort((a, b) => {
    for (const [field, dir] of sorts) {
      const diff = Date.parse(String(a[field])) - Date.parse(String(b[field]));
      if (diff) return diff * dir;
    }
    return a.id - b.id;
  });
  const { take, skip } = q;
  const page = rows.slice(skip, skip + take);
  const total = rows.length;
  const totalPages = Math.ceil(total / take);
  return {
    status: 200,
    body: {
      status: "success",
      data: page.map((b) => bookingOutput(store, b)),
      pagination: {
        returnedItems: page.length,
        totalItems: total,
        itemsPerPage: take,
        remainingItems: Math.max(0, total - skip - page.length),
        // Past the end the page number stays at the last page.
        currentPage: total === 0 ? 0 : Math.min(Math.floor(skip / take) + 1, totalPages),
        totalPages,
        hasNextPage: skip + page.length < total,
        hasPreviousPage: skip > 0,
      },
    },
  };
}
