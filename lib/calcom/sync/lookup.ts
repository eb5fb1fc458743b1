import type { CalcomClient, CalcomBooking } from "..";

/** No salon booking lasts longer than a day. */
const LONGEST_BOOKING_MS = 24 * 60 * 60_000;

/**
 * Every Cal.com booking that overlaps [from, to). Cal.com's list returns only bookings lying wholly
 * inside its window (start ≥ afterStart and end ≤ beforeEnd, recorded), so a booking that began
 * before `from` would be missed: widen by the longest booking, then keep the overlapping ones.
 */
export async function bookingsOverlapping(
  client: CalcomClient,
  window: { from: Date; to: Date; eventTypeIds?: number[] },
  action: string,
): Promise<CalcomBooking[]> {
  const listed = await client.listBookings(
    {
      afterStart: new Date(window.from.getTime() - LONGEST_BOOKING_MS),
      beforeEnd: new Date(window.to.getTime() + LONGEST_BOOKING_MS),
      eventTypeIds: window.eventTypeIds,
    },
    action,
  );
  return listed.filter((b) => Date.parse(b.start) < window.to.getTime() && window.from.getTime() < Date.parse(b.end));
}

/** The span of some phases, for one list request instead of one per phase. */
export function spanOf(phases: { startTime: Date; endTime: Date }[]): { from: Date; to: Date } {
  return {
    from: new Date(Math.min(...phases.map((p) => p.startTime.getTime()))),
    to: new Date(Math.max(...phases.map((p) => p.endTime.getTime()))),
  };
}
