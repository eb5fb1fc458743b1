import { type AttendeeSettings, isOurCustomer, type CalcomBooking } from "..";
import type { SyncPhase, SyncSubject } from "./subject";

const SAME_INSTANT_MS = 60_000;
const FALLBACK_TOLERANCE_MS = 5 * 60_000;

export const bookingEventTypeId = (b: CalcomBooking): number | undefined => b.eventType?.id ?? b.eventTypeId;
export const bookingHostId = (b: CalcomBooking): number | undefined => b.hosts?.[0]?.id;
export const isActive = (b: CalcomBooking) => b.status !== "cancelled" && b.status !== "rejected";
export const startsAt = (b: CalcomBooking, at: Date) => Math.abs(Date.parse(b.start) - at.getTime()) < SAME_INSTANT_MS;

/** A phase as Cal.com should hold it: this event type, this host, exactly these times. */
export type PhaseTarget = { phase: SyncPhase; eventTypeId: number | null };

/** These start and end are the phase's as it has them now (within a minute). */
export const atTimesOf = (start: string, end: string, phase: { startTime: Date; endTime: Date }) =>
  Math.abs(Date.parse(start) - phase.startTime.getTime()) < SAME_INSTANT_MS &&
  Math.abs(Date.parse(end) - phase.endTime.getTime()) < SAME_INSTANT_MS;

/** Start and end as the phase has them now (the length counts: a reschedule may reset it). */
export const atPhaseTimes = (b: CalcomBooking, phase: { startTime: Date; endTime: Date }) =>
  atTimesOf(b.start, b.end, phase);

/** Carries our metadata for this very phase (what any booker could also type in, so never enough alone). */
export const carriesPhase = (b: CalcomBooking, phaseId: number) =>
  String(b.metadata?.crm_phase_id ?? "") === String(phaseId);

/**
 * Provably ours for this phase: our metadata for it AND its appointment, on the phase's event type,
 * with the appointment's stylist as host. Times are checked separately (a moved booking is still ours).
 */
export function isOursFor(b: CalcomBooking, target: PhaseTarget, subject: SyncSubject): boolean {
  const host = subject.staff.calcomUserId;
  return (
    carriesPhase(b, target.phase.id) &&
    String(b.metadata?.crm_appointment_id ?? "") === String(subject.appointment.id) &&
    target.eventTypeId !== null &&
    bookingEventTypeId(b) === target.eventTypeId &&
    (host === null || bookingHostId(b) === undefined || bookingHostId(b) === host)
  );
}

const overlaps = (b: CalcomBooking, from: Date, to: Date) =>
  Date.parse(b.start) < to.getTime() && from.getTime() < Date.parse(b.end);

/**
 * Assigns Cal.com bookings to phases: provably ours first; without our metadata only a booking on
 * the phase's event type and host, starting within ±5 min with the phase's length, whose attendee
 * is our customer (seed 000: Cal.com created it but answered 400). Another customer's booking at
 * that time is never ours.
 */
export function matchPhases(
  targets: PhaseTarget[],
  bookings: CalcomBooking[],
  subject: SyncSubject,
  settings: AttendeeSettings,
) {
  const active = bookings.filter(isActive);
  const result = new Map<number, { booking: CalcomBooking; by: "metadata" | "attendee" }>();
  const used = new Set<string>();
  const claim = (phaseId: number, booking: CalcomBooking, by: "metadata" | "attendee") => {
    result.set(phaseId, { booking, by });
    used.add(booking.uid);
  };
  for (const target of targets) {
    const booking = active.find(
      (b) => !used.has(b.uid) && isOursFor(b, target, subject) && atPhaseTimes(b, target.phase),
    );
    if (booking) claim(target.phase.id, booking, "metadata");
  }
  const lengthMs = (b: CalcomBooking) => Date.parse(b.end) - Date.parse(b.start);
  for (const target of targets) {
    if (result.has(target.phase.id) || target.eventTypeId === null) continue;
    const { phase } = target;
    const booking = active.find(
      (b) =>
        !used.has(b.uid) &&
        !b.metadata?.crm_phase_id &&
        bookingEventTypeId(b) === target.eventTypeId &&
        (subject.staff.calcomUserId === null || bookingHostId(b) === subject.staff.calcomUserId) &&
        Math.abs(Date.parse(b.start) - phase.startTime.getTime()) <= FALLBACK_TOLERANCE_MS &&
        Math.abs(lengthMs(b) - (phase.endTime.getTime() - phase.startTime.getTime())) < SAME_INSTANT_MS &&
        isOurCustomer(b.attendees?.[0], subject.customer, settings),
    );
    if (booking) claim(phase.id, booking, "attendee");
  }
  return result;
}

/** Active bookings of the phase's stylist overlapping its time that no phase claimed: what blocks it. */
export function blockersOf(
  target: PhaseTarget,
  bookings: CalcomBooking[],
  subject: SyncSubject,
  claimed: Set<string>,
): CalcomBooking[] {
  const host = subject.staff.calcomUserId;
  return bookings.filter(
    (b) =>
      isActive(b) &&
      !claimed.has(b.uid) &&
      overlaps(b, target.phase.startTime, target.phase.endTime) &&
      (host === null ? bookingEventTypeId(b) === target.eventTypeId : bookingHostId(b) === host),
  );
}
