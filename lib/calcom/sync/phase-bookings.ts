import { calcomAttendee, type CalcomClient, CalcomError, type CalcomBooking } from "..";
import type { Company } from "../../context";
import { atPhaseTimes, isActive, isOursFor, type PhaseTarget } from "./match";
import { bookingsOverlapping, spanOf } from "./lookup";
import { phaseMetadata, type SyncSubject } from "./subject";

export const CANCEL_REASON_PREFIX = "SlotDesk:";

/** Event types whose default length differs from the segment's: create with lengthInMinutes. */
const needsLength = new Set<number>();

export function ignoreGone(error: unknown) {
  if (error instanceof CalcomError && (error.kind === "already_cancelled" || error.kind === "not_found")) return;
  throw error;
}

export const cancelOurs = (client: CalcomClient, uid: string, why: string, phaseId?: number) =>
  client.cancelBooking(uid, `${CANCEL_REASON_PREFIX} ${why}`, phaseId).catch(ignoreGone);

/** What Cal.com holds for a phase: the booking that fits it, and ours that no longer fit (to cancel). */
export type Standing = { fits: CalcomBooking | null; stale: CalcomBooking[] };

/**
 * Reads where each phase stands: its known booking by uid, and for phases without a fitting one,
 * bookings provably ours around their time (an earlier attempt may have created them although it
 * reported an error). A booking of ours at another time, host or event type is stale.
 */
export async function readStandings(
  client: CalcomClient,
  subject: SyncSubject,
  targets: PhaseTarget[],
): Promise<Map<number, Standing>> {
  const standings = new Map<number, Standing>(targets.map((t) => [t.phase.id, { fits: null, stale: [] }]));
  await Promise.all(
    targets.map(async (t) => {
      if (!t.phase.calcomBookingUid) return;
      const known = await client.getBooking(t.phase.calcomBookingUid, t.phase.id);
      if (!known || !isActive(known)) return;
      const standing = standings.get(t.phase.id)!;
      if (isOursFor(known, t, subject) && atPhaseTimes(known, t.phase)) standing.fits = known;
      else standing.stale.push(known);
    }),
  );
  const open = targets.filter((t) => !standings.get(t.phase.id)!.fits && t.eventTypeId !== null);
  if (open.length === 0) return standings;
  const eventTypeIds = [...new Set(open.map((t) => t.eventTypeId!))];
  const around = await bookingsOverlapping(client, { ...spanOf(open.map((t) => t.phase)), eventTypeIds }, "lookup");
  for (const t of open) {
    const standing = standings.get(t.phase.id)!;
    for (const b of around.filter((x) => isActive(x) && isOursFor(x, t, subject))) {
      if (standing.stale.some((s) => s.uid === b.uid)) continue;
      if (!standing.fits && atPhaseTimes(b, t.phase)) standing.fits = b;
      else standing.stale.push(b); // a duplicate or an old time: Cal.com must hold exactly one
    }
  }
  return standings;
}

/**
 * Books one phase with its exact length. A multi-length event type books its default length
 * (recorded); then the booking is cancelled and made again with lengthInMinutes, which Cal.com
 * honours there, and later creates on that event type send it at once.
 */
export async function createPhaseBooking(
  client: CalcomClient,
  company: Company,
  subject: SyncSubject,
  target: PhaseTarget,
): Promise<CalcomBooking> {
  const { phase } = target;
  const eventTypeId = target.eventTypeId!;
  const minutes = Math.round((phase.endTime.getTime() - phase.startTime.getTime()) / 60_000);
  const create = (withLength: boolean) =>
    client.createBooking(
      {
        start: phase.startTime,
        eventTypeId,
        attendee: calcomAttendee(subject.customer, company, company.timeZone),
        metadata: phaseMetadata(subject, phase),
        ...(withLength ? { lengthInMinutes: minutes } : {}),
      },
      phase.id,
    );
  const first = await create(needsLength.has(eventTypeId));
  if (atPhaseTimes(first, phase)) return first;
  await cancelOurs(client, first.uid, "Länge korrigiert", phase.id);
  needsLength.add(eventTypeId);
  const second = await create(true);
  if (atPhaseTimes(second, phase)) return second;
  await cancelOurs(client, second.uid, "Länge passt nicht", phase.id);
  throw new CalcomError(
    "validation",
    `Event-Typ ${eventTypeId} bucht nicht ${minutes} Minuten`,
    null,
    "length_mismatch",
  );
}
