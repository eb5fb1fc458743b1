import type { CalcomBooking } from "../calcom/schemas";
import type { SyncPhase } from "./subject";

const TOLERANCE_MS = 5 * 60_000;

export const bookingEventTypeId = (b: CalcomBooking): number | undefined => b.eventType?.id ?? b.eventTypeId;
export const isActive = (b: CalcomBooking) => b.status !== "cancelled" && b.status !== "rejected";
export const startsAt = (b: CalcomBooking, at: Date) => Math.abs(Date.parse(b.start) - at.getTime()) < 60_000;

/** A booking is ours for a phase when it carries the phase's metadata. */
export const carriesPhase = (b: CalcomBooking, phaseId: number) => String(b.metadata?.crm_phase_id ?? "") === String(phaseId);

/**
 * Assigns Cal.com bookings to phases: by our metadata first; only then by start (±5 min) and
 * event type, and never a booking that belongs to another phase of ours.
 */
export function matchPhases(
  phases: { phase: SyncPhase; eventTypeId: number | null }[],
  bookings: CalcomBooking[],
): Map<number, { booking: CalcomBooking; by: "metadata" | "time" }> {
  const active = bookings.filter(isActive);
  const result = new Map<number, { booking: CalcomBooking; by: "metadata" | "time" }>();
  const used = new Set<string>();
  for (const { phase } of phases) {
    const booking = active.find((b) => carriesPhase(b, phase.id) && !used.has(b.uid));
    if (booking) {
      result.set(phase.id, { booking, by: "metadata" });
      used.add(booking.uid);
    }
  }
  for (const { phase, eventTypeId } of phases) {
    if (result.has(phase.id)) continue;
    const booking = active.find(
      (b) =>
        !used.has(b.uid) &&
        !b.metadata?.crm_phase_id &&
        Math.abs(Date.parse(b.start) - phase.startTime.getTime()) <= TOLERANCE_MS &&
        (eventTypeId === null || bookingEventTypeId(b) === eventTypeId),
    );
    if (booking) {
      result.set(phase.id, { booking, by: "time" });
      used.add(booking.uid);
    }
  }
  return result;
}
